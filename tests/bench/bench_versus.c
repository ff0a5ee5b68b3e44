/* bench_versus: two programs that show the same survey, started one after
 * the other again and again on one X display (Xvfb), each timed from the
 * moment it is started to the first moment the display shows its first
 * screen as it looks once settled (read back from the X server, not from
 * the program's own word). Then each is left alone on that screen and the
 * memory of its whole process tree (PSS, so shared pages are counted once)
 * is read. tests/bench/run puts the kiosk beside Chromium showing the same
 * survey as an offline page. A benchmark prints figures; it never fails on
 * a slow machine.
 *
 * How "first screen" is decided: before the timed runs each program is
 * started once, left 6 s to settle, and the display is kept as its
 * reference. A timed run ends at the first read-back (MIT-SHM, about 1 ms,
 * then a 2 ms pause) in which at most MATCH_OFF of a grid of sampled pixels
 * differ from that reference.
 *
 * usage: bench_versus RUNS IDLE_SECONDS NAME COMMAND NAME COMMAND
 *   COMMAND is run by /bin/sh -c "exec COMMAND" (the same for both). */
#include "bench.h"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

enum {
    SAMPLE_STEP = 4,    /* every 4th pixel of every 4th row is compared */
    CHANNEL_SLACK = 24, /* a channel this close counts as the same */
    SETTLE_MS = 6000,   /* the reference is taken this long after the start */
    GIVE_UP_MS = 30000, /* a start that never shows its screen */
    MAX_TREE = 256,     /* processes in one program's tree */
    MAX_PROGRAMS = 2,
    /* between read-backs: reading the display back without a pause keeps
     * the X server so busy that it slows the program being timed (a kiosk
     * that shows in 52 ms took 85 ms with the display read back non-stop) */
    POLL_PAUSE_US = 2000
};
#define MATCH_OFF 0.005 /* the share of sampled pixels that may differ */

typedef struct {
    Display *d;
    XImage *im;
    XShmSegmentInfo shm;
    int w, h;
} screen;

typedef struct {
    const char *name, *command;
    unsigned *reference; /* sampled pixels of the settled first screen */
    double *shown;       /* each run's time to first screen (ms) */
    int n;
    double pss_mb, rss_mb;
    int processes;
} program;

static int screen_open(screen *s)
{
    s->d = XOpenDisplay(NULL);
    if (!s->d || !XShmQueryExtension(s->d)) return 0;
    int sc = DefaultScreen(s->d);
    s->w = DisplayWidth(s->d, sc), s->h = DisplayHeight(s->d, sc);
    s->im = XShmCreateImage(s->d, DefaultVisual(s->d, sc), (unsigned)DefaultDepth(s->d, sc),
                            ZPixmap, NULL, &s->shm, (unsigned)s->w, (unsigned)s->h);
    if (!s->im) return 0;
    s->shm.shmid =
        shmget(IPC_PRIVATE, (size_t)s->im->bytes_per_line * (size_t)s->h, IPC_CREAT | 0600);
    if (s->shm.shmid < 0) return 0;
    s->shm.shmaddr = s->im->data = shmat(s->shm.shmid, NULL, 0);
    s->shm.readOnly = False;
    shmctl(s->shm.shmid, IPC_RMID, NULL); /* (gone once both sides let go) */
    return s->im->data != (char *)-1 && XShmAttach(s->d, &s->shm);
}

static int samples(const screen *s)
{
    return ((s->w + SAMPLE_STEP - 1) / SAMPLE_STEP) * ((s->h + SAMPLE_STEP - 1) / SAMPLE_STEP);
}

/* Read the display back into out (samples(s) pixels). */
static void grab(screen *s, unsigned *out)
{
    XShmGetImage(s->d, DefaultRootWindow(s->d), s->im, 0, 0, AllPlanes);
    int k = 0;
    for (int y = 0; y < s->h; y += SAMPLE_STEP)
        for (int x = 0; x < s->w; x += SAMPLE_STEP)
            out[k++] = (unsigned)XGetPixel(s->im, x, y) & 0xffffffu;
}

static int near(unsigned a, unsigned b)
{
    for (int sh = 0; sh < 24; sh += 8) {
        int d = (int)((a >> sh) & 0xff) - (int)((b >> sh) & 0xff);
        if (d > CHANNEL_SLACK || d < -CHANNEL_SLACK) return 0;
    }
    return 1;
}

/* The share of sampled pixels in a that differ from b. */
static double off(const unsigned *a, const unsigned *b, int n)
{
    int bad = 0;
    for (int i = 0; i < n; i++)
        bad += !near(a[i], b[i]);
    return (double)bad / n;
}

static pid_t spawn(const char *command)
{
    char line[4096];
    snprintf(line, sizeof line, "exec %s", command);
    char *argv[] = {"/bin/sh", "-c", line, NULL};
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&at, 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", 1, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", 1, 0);
    pid_t pid;
    int rc = posix_spawn(&pid, "/bin/sh", &fa, &at, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    return rc == 0 ? pid : -1;
}

/* The parent of pid, from /proc (-1 when it is gone). */
static pid_t parent_of(pid_t pid)
{
    char path[64], line[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    pid_t pp = -1;
    if (f && fgets(line, sizeof line, f)) {
        char *p = strrchr(line, ')');
        if (p) sscanf(p + 2, "%*c %d", &pp);
    }
    if (f) fclose(f);
    return pp;
}

/* root and every process below it, into tree; returns how many. */
static int tree_of(pid_t root, pid_t *tree)
{
    int n = 0;
    tree[n++] = root;
    for (int grew = 1; grew;) {
        grew = 0;
        DIR *d = opendir("/proc");
        struct dirent *de;
        while (d && (de = readdir(d)) != NULL && n < MAX_TREE) {
            pid_t p = (pid_t)atoi(de->d_name);
            if (p <= 0) continue;
            int known = 0, under = 0;
            pid_t pp = parent_of(p);
            for (int i = 0; i < n; i++)
                known |= tree[i] == p, under |= tree[i] == pp;
            if (!known && under) tree[n++] = p, grew = 1;
        }
        if (d) closedir(d);
    }
    return n;
}

static long kb_of(pid_t pid, const char *key)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
    FILE *f = fopen(path, "r");
    long v = 0;
    size_t kl = strlen(key);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, key, kl) && line[kl] == ':') v = atol(line + kl + 1);
    if (f) fclose(f);
    return v;
}

static void stop(pid_t pid)
{
    pid_t tree[MAX_TREE];
    int n = tree_of(pid, tree);
    for (int i = n - 1; i >= 0; i--)
        kill(tree[i], SIGTERM);
    kill(-pid, SIGTERM);
    double t0 = bench_now_ms();
    int status;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (bench_now_ms() - t0 > 5000) {
            kill(-pid, SIGKILL);
            for (int i = 0; i < n; i++)
                kill(tree[i], SIGKILL);
        }
        usleep(2000);
    }
    /* the rest of the tree, adopted by init, goes too */
    for (int i = 1; i < n; i++)
        for (double t1 = bench_now_ms(); kill(tree[i], 0) == 0 && bench_now_ms() - t1 < 5000;)
            usleep(2000);
    for (int i = 1; i < n; i++)
        kill(tree[i], SIGKILL);
}

/* Wait until the display is empty again (what it showed before anything
 * was started), at most 5 s. */
static void wait_empty(screen *s, const unsigned *empty, unsigned *now)
{
    int n = samples(s);
    for (double t0 = bench_now_ms(); bench_now_ms() - t0 < 5000; usleep(5000)) {
        grab(s, now);
        if (off(now, empty, n) <= MATCH_OFF) return;
    }
}

/* One timed start of p: the time to its settled first screen (ms), or -1. */
static double timed_start(screen *s, program *p, unsigned *now)
{
    int n = samples(s);
    double t0 = bench_now_ms();
    pid_t pid = spawn(p->command);
    if (pid < 0) return -1;
    double t = -1;
    while (bench_now_ms() - t0 < GIVE_UP_MS) {
        grab(s, now);
        double at = bench_now_ms() - t0; /* (the display looked so by then) */
        if (off(now, p->reference, n) <= MATCH_OFF) {
            t = at;
            break;
        }
        usleep(POLL_PAUSE_US);
    }
    stop(pid);
    return t;
}

int main(int argc, char **argv)
{
    if (argc != 3 + 2 * MAX_PROGRAMS) {
        fprintf(stderr, "usage: bench_versus RUNS IDLE_SECONDS NAME COMMAND NAME COMMAND\n");
        return 2;
    }
    int runs = atoi(argv[1]), idle = atoi(argv[2]);
    if (runs < 1) runs = 1;
    screen s = {0};
    if (!screen_open(&s)) {
        fprintf(stderr, "bench_versus: needs an X display with MIT-SHM (DISPLAY)\n");
        return 2;
    }
    int n = samples(&s);
    unsigned *empty = calloc((size_t)n, sizeof *empty), *now = calloc((size_t)n, sizeof *now);
    program pr[MAX_PROGRAMS] = {{0}};
    if (!empty || !now) return 1;
    grab(&s, empty);
    for (int i = 0; i < MAX_PROGRAMS; i++) {
        program *p = &pr[i];
        p->name = argv[3 + 2 * i], p->command = argv[4 + 2 * i];
        p->reference = calloc((size_t)n, sizeof *p->reference);
        p->shown = calloc((size_t)runs, sizeof *p->shown);
        if (!p->reference || !p->shown) return 1;
        /* its settled first screen, and its memory there after IDLE seconds */
        pid_t pid = spawn(p->command);
        usleep(SETTLE_MS * 1000);
        grab(&s, p->reference);
        if (off(p->reference, empty, n) < 0.05) {
            fprintf(stderr, "bench_versus: %s showed nothing in %d s\n", p->name, SETTLE_MS / 1000);
            stop(pid);
            return 1;
        }
        sleep((unsigned)idle);
        pid_t tree[MAX_TREE];
        p->processes = tree_of(pid, tree);
        long pss = 0, rss = 0;
        for (int k = 0; k < p->processes; k++)
            pss += kb_of(tree[k], "Pss"), rss += kb_of(tree[k], "Rss");
        p->pss_mb = (double)pss / 1024, p->rss_mb = (double)rss / 1024;
        stop(pid);
        wait_empty(&s, empty, now);
    }
    /* the timed starts, taking turns, so both meet the same machine */
    for (int r = 0; r < runs; r++)
        for (int i = 0; i < MAX_PROGRAMS; i++) {
            program *p = &pr[i];
            double t = timed_start(&s, p, now);
            if (t >= 0) p->shown[p->n++] = t;
            wait_empty(&s, empty, now);
        }
    char what[128];
    for (int i = 0; i < MAX_PROGRAMS; i++) {
        snprintf(what, sizeof what, "%s: start -> first screen on the display", pr[i].name);
        bench_report(what, pr[i].shown, pr[i].n, "starts");
    }
    for (int i = 0; i < MAX_PROGRAMS; i++)
        printf("%s: idle %d s after its first screen: PSS %.1f MB (RSS %.1f MB) over %d "
               "process%s\n",
               pr[i].name, SETTLE_MS / 1000 + idle, pr[i].pss_mb, pr[i].rss_mb, pr[i].processes,
               pr[i].processes == 1 ? "" : "es");
    if (pr[0].n && pr[1].n)
        printf("%s / %s: start %.1fx (medians), idle memory %.1fx (PSS)\n", pr[1].name, pr[0].name,
               pr[1].shown[pr[1].n / 2] / pr[0].shown[pr[0].n / 2], pr[1].pss_mb / pr[0].pss_mb);
    return 0;
}
