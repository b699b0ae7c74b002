package site

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts the folder tmp in place of out and returns where the old site is now ("" if
// there was none). On Linux both names are exchanged in one step, so out is never
// missing; the old site is then at tmp.
func swap(tmp, out string) (old string, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return tmp, nil
	case errors.Is(err, unix.ENOENT):
		return "", os.Rename(tmp, out)
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return swapRename(tmp, out)
	}
	return "", err
}
