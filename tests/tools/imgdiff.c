/* imgdiff: compare a screenshot with its golden image.
 *   imgdiff GOLDEN.png ACTUAL.png ERR.png [TOLERANCE]
 * Passes (exit 0) when the images have the same size and at most TOLERANCE
 * (default 0.5) percent of pixels differ by more than 16 in any channel.
 * On failure writes ERR.png: differing pixels in red over a faded copy. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

static int compare(SDL_Surface *a, SDL_Surface *b, double tol, char **argv);

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: imgdiff GOLDEN ACTUAL ERR [TOLERANCE%%]\n");
        return 2;
    }
    double tol = argc > 4 ? atof(argv[4]) : 0.5;
    SDL_Surface *a0 = IMG_Load(argv[1]), *b0 = IMG_Load(argv[2]);
    if (!a0 || !b0) {
        fprintf(stderr, "imgdiff: cannot read %s\n", !a0 ? argv[1] : argv[2]);
        return 1;
    }
    SDL_Surface *a = SDL_ConvertSurfaceFormat(a0, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_Surface *b = SDL_ConvertSurfaceFormat(b0, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(a0);
    SDL_FreeSurface(b0);
    int rc = 0;
    if (!a || !b) {
        fprintf(stderr, "imgdiff: out of memory\n");
        rc = 1;
    } else if (a->w != b->w || a->h != b->h) {
        fprintf(stderr, "imgdiff: %s is %dx%d but %s is %dx%d\n", argv[1], a->w, a->h, argv[2],
                b->w, b->h);
        rc = 1;
    } else {
        rc = compare(a, b, tol, argv);
    }
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    return rc;
}

/* Count differing pixels; mark them red on b and save it when over tol %. */
static int compare(SDL_Surface *a, SDL_Surface *b, double tol, char **argv)
{
    long diff = 0;
    for (int y = 0; y < a->h; y++) {
        Uint32 *pa = (Uint32 *)((Uint8 *)a->pixels + y * a->pitch);
        Uint32 *pb = (Uint32 *)((Uint8 *)b->pixels + y * b->pitch);
        for (int x = 0; x < a->w; x++) {
            int bad = 0;
            for (int s = 0; s < 24; s += 8) {
                int d = (int)((pa[x] >> s) & 255) - (int)((pb[x] >> s) & 255);
                if (d > 16 || d < -16) bad = 1;
            }
            if (bad) {
                diff++;
                pb[x] = 0xFFFF0000;
            } else {
                Uint32 p = pb[x];
                Uint32 r = (((p >> 16) & 255) + 255 * 2) / 3, g = (((p >> 8) & 255) + 255 * 2) / 3,
                       bl = ((p & 255) + 255 * 2) / 3;
                pb[x] = 0xFF000000 | r << 16 | g << 8 | bl;
            }
        }
    }
    double pct = 100.0 * (double)diff / ((double)a->w * a->h);
    if (pct > tol) {
        IMG_SavePNG(b, argv[3]);
        fprintf(stderr, "imgdiff: %s differs from %s in %.2f%% of pixels (see %s)\n", argv[2],
                argv[1], pct, argv[3]);
        return 1;
    }
    return 0;
}
