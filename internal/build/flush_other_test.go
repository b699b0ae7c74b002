//go:build !unix

package build

// flushDisk does nothing where there is no sync(2).
func flushDisk() {}
