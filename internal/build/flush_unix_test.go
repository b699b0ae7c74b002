//go:build unix

package build

import "syscall"

// flushDisk writes every file's changes to the disk, so that the kernel's writing them
// back does not run during a measurement that follows.
func flushDisk() { syscall.Sync() }
