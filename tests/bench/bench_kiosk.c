/* bench_kiosk: the real kiosk program in a real X window (run it under
 * Xvfb, as tests/bench/run does), started again and again, timing from the
 * moment it is started to its two log lines: "the first screen is showing"
 * (the frame is drawn and handed to the X server) and "ready for
 * residents" (USB watching and input set up, waiting for a touch). Then, on
 * one kiosk left alone on its welcome screen: its memory (RSS, peak RSS and
 * PSS from /proc) and, over IDLE seconds, the CPU time it used and how
 * often its threads woke (context switches). With SDL_VIDEODRIVER=dummy it
 * needs no display (IDLE_SECONDS 0: no idle part). Each start ends with
 * SIGTERM, timed until the kiosk is gone. A benchmark prints figures; it
 * never fails on a slow machine.
 * usage: bench_kiosk HAVEYOURSAY RUNS IDLE_SECONDS */
#include "bench.h"

#include <errno.h>
#include <glob.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* Start the kiosk with its log on a pipe; fills the times of its two lines
 * (-1 when it never said them). Returns its pid, or -1. */
static pid_t start(const char *exe, const char *data, double *shown, double *ready, int *log_fd)
{
    int p[2];
    if (pipe(p) != 0) return -1;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, p[1], 2);
    posix_spawn_file_actions_addclose(&fa, p[0]);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", 1, 0);
    char *argv[] = {(char *)exe, "--data", (char *)data, NULL};
    double t0 = bench_now_ms();
    pid_t pid;
    int rc = posix_spawn(&pid, exe, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(p[1]);
    if (rc != 0) {
        close(p[0]);
        return -1;
    }
    *shown = *ready = -1;
    char buf[8192];
    size_t len = 0;
    while (*ready < 0 && bench_now_ms() - t0 < 20000) {
        struct pollfd pf = {p[0], POLLIN, 0};
        if (poll(&pf, 1, 1000) <= 0) continue;
        ssize_t n = read(p[0], buf + len, sizeof buf - 1 - len);
        double t = bench_now_ms() - t0;
        if (n <= 0) break;
        len += (size_t)n;
        buf[len] = 0;
        if (*shown < 0 && strstr(buf, "the first screen is showing")) *shown = t;
        if (*ready < 0 && strstr(buf, "ready for residents")) *ready = t;
        if (len > sizeof buf / 2) { /* keep the tail, where the next line starts */
            memmove(buf, buf + len - 256, 256);
            len = 256;
        }
    }
    *log_fd = p[0];
    return pid;
}

/* Stop the kiosk as systemd does (SIGTERM); the time (ms) until it is gone. */
static double stop(pid_t pid, int log_fd)
{
    double t0 = bench_now_ms();
    kill(pid, SIGTERM);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    double t = bench_now_ms() - t0;
    close(log_fd);
    return t;
}

/* A "Key:   123 kB" line's number from a /proc file, or -1. */
static long proc_kb(const char *path, const char *key)
{
    FILE *f = fopen(path, "r");
    char line[256];
    long v = -1;
    size_t kl = strlen(key);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, key, kl) && line[kl] == ':') {
            v = atol(line + kl + 1);
            break;
        }
    if (f) fclose(f);
    return v;
}

/* CPU time (ms) and context switches of every thread of pid. */
static void usage_of(pid_t pid, double *cpu_ms, long *switches)
{
    char path[128];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    unsigned long ut = 0, st = 0;
    if (f) {
        /* fields 14 and 15, after the ")" that ends the program's name */
        char line[1024];
        if (fgets(line, sizeof line, f)) {
            char *p = strrchr(line, ')');
            if (p) sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st);
        }
        fclose(f);
    }
    *cpu_ms = (double)(ut + st) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
    *switches = 0;
    glob_t g;
    snprintf(path, sizeof path, "/proc/%d/task/*/status", (int)pid);
    if (glob(path, 0, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++)
            *switches += proc_kb(g.gl_pathv[i], "voluntary_ctxt_switches") +
                         proc_kb(g.gl_pathv[i], "nonvoluntary_ctxt_switches");
        globfree(&g);
    }
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_kiosk HAVEYOURSAY RUNS IDLE_SECONDS\n");
        return 2;
    }
    const char *exe = argv[1];
    int runs = atoi(argv[2]), idle = atoi(argv[3]);
    if (runs < 1) runs = 1;
    const char *drv = getenv("SDL_VIDEODRIVER");
    int dummy = drv && !strcmp(drv, "dummy");
    if (!dummy && !getenv("DISPLAY")) {
        fprintf(stderr, "bench_kiosk: needs an X display (DISPLAY; tests/bench/run starts "
                        "Xvfb) or SDL_VIDEODRIVER=dummy\n");
        return 2;
    }
    char data[] = "/tmp/hys-bench-kiosk-XXXXXX";
    if (!mkdtemp(data)) return 1;
    double *shown = calloc((size_t)runs, sizeof *shown),
           *ready = calloc((size_t)runs, sizeof *ready), *gone = calloc((size_t)runs, sizeof *gone);
    if (!shown || !ready || !gone) return 1;
    /* the first start makes the data folder (database, signing key): not timed */
    double s0, r0;
    int fd;
    pid_t pid = start(exe, data, &s0, &r0, &fd);
    if (pid < 0 || r0 < 0) {
        fprintf(stderr, "bench_kiosk: the kiosk did not start (is the display there?)\n");
        if (pid > 0) stop(pid, fd);
        return 1;
    }
    stop(pid, fd);
    int n = 0;
    for (int i = 0; i < runs; i++) {
        pid = start(exe, data, &shown[n], &ready[n], &fd);
        if (pid < 0) break;
        gone[n] = stop(pid, fd);
        if (shown[n] >= 0 && ready[n] >= 0) n++;
    }
    if (n > 0) {
        bench_report(dummy ? "start -> first screen showing (dummy)"
                           : "start -> first screen showing (X11)",
                     shown, n, "starts");
        bench_report(dummy ? "start -> ready for residents (dummy)"
                           : "start -> ready for residents (X11)",
                     ready, n, "starts");
        bench_report("stopped (SIGTERM) -> gone, answers kept", gone, n, "stops");
    }
    if (idle <= 0) {
        bench_remove(data);
        free(shown);
        free(ready);
        free(gone);
        return 0;
    }
    /* one kiosk left alone on its welcome screen */
    pid = start(exe, data, &s0, &r0, &fd);
    if (pid < 0 || r0 < 0) return 1;
    char path[128];
    /* (settled: eSpeak started after the first frame; the sound device
     * opens only when something is said, so there is none to rest) */
    sleep(2);
    double c0, c1;
    long w0, w1;
    usage_of(pid, &c0, &w0);
    sleep((unsigned)idle);
    usage_of(pid, &c1, &w1);
    snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
    long pss = proc_kb(path, "Pss"), rss = proc_kb(path, "Rss");
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    long hwm = proc_kb(path, "VmHWM");
    printf("idle on the welcome screen: RSS %.1f MB, peak RSS %.1f MB, PSS %.1f MB\n",
           (double)rss / 1024, (double)hwm / 1024, (double)pss / 1024);
    printf("idle for %d s: CPU %.0f ms (%.3f %% of a core), %.2f wake-ups a second "
           "(all threads' context switches)\n",
           idle, c1 - c0, (c1 - c0) / (idle * 10.0), (double)(w1 - w0) / idle);
    stop(pid, fd);
    bench_remove(data);
    free(shown);
    free(ready);
    free(gone);
    return 0;
}
