/* t/fault/fault.c - an LD_PRELOAD fault injector for the reliability tests (t/7*.sh).
 *
 * Built by the tests themselves, without sanitizers:
 *     $CC -shared -fPIC -O1 -o fault.so t/fault/fault.c -ldl
 * and used as
 *     LD_PRELOAD=./fault.so LC_FAULT_WRITE=ENOSPC LC_FAULT_PATH=.template.json ./stack ...
 * (with a gcc sanitizer build, also ASAN_OPTIONS=verify_asan_link_order=0).
 *
 * Every fault applies only to files whose path contains the substring LC_FAULT_PATH
 * (default: every regular file; never the standard streams).  For read/write the path
 * is found through /proc/self/fd.  Faults (environment variables):
 *   LC_FAULT_WRITE=ENOSPC|EIO   write()/pwrite()/writev() fail with that errno once
 *                               LC_FAULT_AFTER bytes (default 0) went to the file; the
 *                               write that crosses the limit is cut short first, like a
 *                               file system that fills up.
 *   LC_FAULT_FSYNC=EIO          fsync()/fdatasync() fail.
 *   LC_FAULT_RENAME=EIO|EXDEV   rename() of a matching source path fails.
 *   LC_FAULT_OPEN=EACCES|EIO|VANISH|FIFO
 *                               open()/openat()/opendir() of a matching path: fail with
 *                               EACCES/EIO; VANISH unlinks the file first (it vanishes
 *                               between the directory listing and the open); FIFO replaces
 *                               it by a named pipe first (an open without O_NONBLOCK then
 *                               blocks: the caller must not hang).
 *   LC_FAULT_READ=EIO|GROW      read()/pread() of a matching file: EIO fails; GROW lets the
 *                               first read through, then appends bytes to the file (it
 *                               changes while being read).
 *   LC_FAULT_DELAY_MS=N         sleep N ms before every matching read()/write() (so that a
 *                               signal lands in the middle of a run, deterministically);
 *                               each delay is logged ("delay-read PATH", "delay-write PATH")
 *                               so a test can wait for the phase it wants to interrupt.
 *   LC_FAULT_LOG=FILE           append one line per injected fault (tests check that the
 *                               fault did fire).
 *   LC_FAULT_SIGDFL=1           at start-up, SIGINT and SIGQUIT get their default action
 *                               back (a background job of a non-interactive shell starts
 *                               with them ignored; a user's Ctrl-C finds them default).
 * Only what lambdac calls is hooked; glibc's internal calls (stdio) bypass these hooks, so
 * faults on standard output are made with /dev/full instead.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define MAXFD 4096

static off_t written[MAXFD];   /* bytes written per fd (reset when the fd is opened) */
static int grown[MAXFD];       /* GROW done for this fd */

/* The next definition of a symbol (libc's, or a sanitizer's interceptor). */
static void *next_sym(const char *name)
{
    return dlsym(RTLD_NEXT, name);
}

static const char *env(const char *k)
{
    const char *v = getenv(k);
    return v && *v ? v : NULL;
}

static int errno_of(const char *v)
{
    if (strcmp(v, "ENOSPC") == 0)
        return ENOSPC;
    if (strcmp(v, "EACCES") == 0)
        return EACCES;
    if (strcmp(v, "EXDEV") == 0)
        return EXDEV;
    if (strcmp(v, "EDQUOT") == 0)
        return EDQUOT;
    return EIO;
}

/* Raw system calls for the injector's own I/O: never re-enters the hooks. */
static void note(const char *what, const char *path)
{
    const char *log = env("LC_FAULT_LOG");
    char line[4200];
    int n, fd;
    if (!log)
        return;
    n = snprintf(line, sizeof line, "%s %s\n", what, path ? path : "?");
    if (n < 0)
        return;
    if ((size_t)n >= sizeof line)
        n = (int)sizeof line - 1;
    fd = (int)syscall(SYS_openat, AT_FDCWD, log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd >= 0) {
        long w = syscall(SYS_write, fd, line, (size_t)n);
        (void)w;
        syscall(SYS_close, fd);
    }
}

/* A path matches when it contains LC_FAULT_PATH (every path when unset). */
static int path_matches(const char *path)
{
    const char *want = env("LC_FAULT_PATH");
    if (!path)
        return 0;
    return !want || strstr(path, want) != NULL;
}

/* 1 when fd is a regular file whose path matches (the path goes to buf). */
static int fd_matches(int fd, char *buf, size_t len)
{
    char link[64];
    struct stat st;
    long n;
    if (fd <= 2 || fd >= MAXFD || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    n = syscall(SYS_readlinkat, AT_FDCWD, link, buf, len - 1);
    if (n < 0)
        return 0;
    buf[n] = '\0';
    return path_matches(buf);
}

static void delay(void)
{
    const char *d = env("LC_FAULT_DELAY_MS");
    if (d) {
        long ms = atol(d);
        struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
            ;
    }
}

__attribute__((constructor)) static void fault_init(void)
{
    if (env("LC_FAULT_SIGDFL")) {
        signal(SIGINT, SIG_DFL);
        signal(SIGQUIT, SIG_DFL);
    }
}

/* ---- write ------------------------------------------------------------------------------ */

/* How many of n bytes may go to fd; -1 (errno set) when none may. */
static ssize_t write_budget(int fd, size_t n, int *matched)
{
    const char *f = env("LC_FAULT_WRITE"), *after = env("LC_FAULT_AFTER");
    char path[4096];
    off_t limit;
    *matched = 0;
    if (!f && !env("LC_FAULT_DELAY_MS"))
        return (ssize_t)n;
    if (!fd_matches(fd, path, sizeof path))
        return (ssize_t)n;
    *matched = 1;
    if (env("LC_FAULT_DELAY_MS")) {
        note("delay-write", path);
        delay();
    }
    if (!f)
        return (ssize_t)n;
    limit = after ? (off_t)atoll(after) : 0;
    if (written[fd] >= limit) {
        note("write", path);
        errno = errno_of(f);
        return -1;
    }
    if ((off_t)n > limit - written[fd])
        return (ssize_t)(limit - written[fd]);
    return (ssize_t)n;
}

ssize_t write(int fd, const void *buf, size_t n)
{
    ssize_t (*real)(int, const void *, size_t) = (ssize_t (*)(int, const void *, size_t))next_sym("write");
    int matched;
    ssize_t b = write_budget(fd, n, &matched), r;
    if (b < 0)
        return -1;
    r = real(fd, buf, (size_t)b);
    if (r > 0 && matched)
        written[fd] += r;
    return r;
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    ssize_t (*real)(int, const void *, size_t, off_t) =
        (ssize_t (*)(int, const void *, size_t, off_t))next_sym("pwrite");
    int matched;
    ssize_t b = write_budget(fd, n, &matched), r;
    if (b < 0)
        return -1;
    r = real(fd, buf, (size_t)b, off);
    if (r > 0 && matched)
        written[fd] += r;
    return r;
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    return pwrite(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
    ssize_t (*real)(int, const struct iovec *, int) =
        (ssize_t (*)(int, const struct iovec *, int))next_sym("writev");
    size_t total = 0;
    int i, matched;
    ssize_t b, r;
    for (i = 0; i < cnt; i++)
        total += iov[i].iov_len;
    b = write_budget(fd, total, &matched);
    if (b < 0)
        return -1;
    if ((size_t)b < total) {
        /* cut short: write the first b bytes only */
        ssize_t done = 0;
        for (i = 0; i < cnt && done < b; i++) {
            size_t k = iov[i].iov_len < (size_t)(b - done) ? iov[i].iov_len : (size_t)(b - done);
            ssize_t (*rw)(int, const void *, size_t) =
                (ssize_t (*)(int, const void *, size_t))next_sym("write");
            r = rw(fd, iov[i].iov_base, k);
            if (r < 0)
                return done ? done : -1;
            done += r;
        }
        written[fd] += done;
        return done;
    }
    r = real(fd, iov, cnt);
    if (r > 0 && matched)
        written[fd] += r;
    return r;
}

int fsync(int fd)
{
    int (*real)(int) = (int (*)(int))next_sym("fsync");
    const char *f = env("LC_FAULT_FSYNC");
    char path[4096];
    if (f && fd_matches(fd, path, sizeof path)) {
        note("fsync", path);
        errno = errno_of(f);
        return -1;
    }
    return real(fd);
}

int fdatasync(int fd)
{
    int (*real)(int) = (int (*)(int))next_sym("fdatasync");
    const char *f = env("LC_FAULT_FSYNC");
    char path[4096];
    if (f && fd_matches(fd, path, sizeof path)) {
        note("fdatasync", path);
        errno = errno_of(f);
        return -1;
    }
    return real(fd);
}

int rename(const char *from, const char *to)
{
    int (*real)(const char *, const char *) =
        (int (*)(const char *, const char *))next_sym("rename");
    const char *f = env("LC_FAULT_RENAME");
    if (f && path_matches(from)) {
        note("rename", from);
        errno = errno_of(f);
        return -1;
    }
    return real(from, to);
}

/* ---- open --------------------------------------------------------------------------------- */

/* Apply LC_FAULT_OPEN to path: -1 (errno set) to fail the open, 0 to go on. */
static int open_fault(const char *path)
{
    const char *f = env("LC_FAULT_OPEN");
    if (!f || !path || !env("LC_FAULT_PATH") || !path_matches(path))
        return 0;
    if (strcmp(f, "VANISH") == 0) {
        note("vanish", path);
        syscall(SYS_unlinkat, AT_FDCWD, path, 0);
        return 0;
    }
    if (strcmp(f, "FIFO") == 0) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            note("fifo", path);
            syscall(SYS_unlinkat, AT_FDCWD, path, 0);
            syscall(SYS_mknodat, AT_FDCWD, path, (mode_t)(S_IFIFO | 0644), 0);
        }
        return 0;
    }
    note("open", path);
    errno = errno_of(f);
    return -1;
}

static int after_open(int fd)
{
    if (fd >= 0 && fd < MAXFD) {
        written[fd] = 0;
        grown[fd] = 0;
    }
    return fd;
}

static int mode_of(int flags, va_list ap)
{
    return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? va_arg(ap, int) : 0;
}

int open(const char *path, int flags, ...)
{
    int (*real)(const char *, int, ...) = (int (*)(const char *, int, ...))next_sym("open");
    va_list ap;
    int mode;
    va_start(ap, flags);
    mode = mode_of(flags, ap);
    va_end(ap);
    if (open_fault(path))
        return -1;
    return after_open(real(path, flags, mode));
}

int open64(const char *path, int flags, ...)
{
    int (*real)(const char *, int, ...) = (int (*)(const char *, int, ...))next_sym("open64");
    va_list ap;
    int mode;
    va_start(ap, flags);
    mode = mode_of(flags, ap);
    va_end(ap);
    if (open_fault(path))
        return -1;
    return after_open(real(path, flags, mode));
}

int openat(int dfd, const char *path, int flags, ...)
{
    int (*real)(int, const char *, int, ...) = (int (*)(int, const char *, int, ...))next_sym("openat");
    va_list ap;
    int mode;
    va_start(ap, flags);
    mode = mode_of(flags, ap);
    va_end(ap);
    if (open_fault(path))
        return -1;
    return after_open(real(dfd, path, flags, mode));
}

int openat64(int dfd, const char *path, int flags, ...)
{
    int (*real)(int, const char *, int, ...) = (int (*)(int, const char *, int, ...))next_sym("openat64");
    va_list ap;
    int mode;
    va_start(ap, flags);
    mode = mode_of(flags, ap);
    va_end(ap);
    if (open_fault(path))
        return -1;
    return after_open(real(dfd, path, flags, mode));
}

DIR *opendir(const char *path)
{
    DIR *(*real)(const char *) = (DIR * (*)(const char *)) next_sym("opendir");
    const char *f = env("LC_FAULT_OPEN");
    if (f && strcmp(f, "VANISH") != 0 && strcmp(f, "FIFO") != 0 && open_fault(path))
        return NULL;
    return real(path);
}

/* ---- read --------------------------------------------------------------------------------- */

/* -1 (errno set) to fail the read; 0 to go on (after a GROW, if any). */
static int read_fault(int fd)
{
    const char *f = env("LC_FAULT_READ");
    char path[4096];
    if (!f && !env("LC_FAULT_DELAY_MS"))
        return 0;
    if (!fd_matches(fd, path, sizeof path))
        return 0;
    if (env("LC_FAULT_DELAY_MS")) {
        note("delay-read", path);
        delay();
    }
    if (!f)
        return 0;
    if (strcmp(f, "GROW") == 0) {
        if (!grown[fd]) {
            int w;
            grown[fd] = 1;
            note("grow", path);
            w = (int)syscall(SYS_openat, AT_FDCWD, path, O_WRONLY | O_APPEND | O_CLOEXEC);
            if (w >= 0) {
                long r = syscall(SYS_write, w, "changed while being read\n", (size_t)25);
                (void)r;
                syscall(SYS_close, w);
            }
        }
        return 0;
    }
    note("read", path);
    errno = errno_of(f);
    return -1;
}

ssize_t read(int fd, void *buf, size_t n)
{
    ssize_t (*real)(int, void *, size_t) = (ssize_t (*)(int, void *, size_t))next_sym("read");
    if (read_fault(fd))
        return -1;
    return real(fd, buf, n);
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
    ssize_t (*real)(int, void *, size_t, off_t) =
        (ssize_t (*)(int, void *, size_t, off_t))next_sym("pread");
    if (read_fault(fd))
        return -1;
    return real(fd, buf, n, off);
}

ssize_t pread64(int fd, void *buf, size_t n, off_t off)
{
    return pread(fd, buf, n, off);
}
