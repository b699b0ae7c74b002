//go:build !linux

package site

func swap(tmp, out string) (string, error) { return swapRename(tmp, out) }
