/* xshot: a screenshot of a real X display's root window, as a person
 * would see it, saved as PNG (tests/real compares it with the replay's).
 *   xshot OUT.png            (the display in $DISPLAY)
 * Reads the pixels the X server holds (XGetImage): what was presented,
 * never what a program meant to draw. Exit 0, or 1 with a reason. */
#include <SDL.h>
#include <SDL_image.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: xshot OUT.png\n");
        return 2;
    }
    Display *dpy = XOpenDisplay(NULL);
    if (!dpy) {
        fprintf(stderr, "xshot: cannot open the display\n");
        return 1;
    }
    Window root = DefaultRootWindow(dpy);
    XWindowAttributes wa;
    XGetWindowAttributes(dpy, root, &wa);
    XImage *im =
        XGetImage(dpy, root, 0, 0, (unsigned)wa.width, (unsigned)wa.height, AllPlanes, ZPixmap);
    if (!im) {
        fprintf(stderr, "xshot: cannot read the screen\n");
        XCloseDisplay(dpy);
        return 1;
    }
    SDL_Surface *s =
        SDL_CreateRGBSurfaceWithFormat(0, wa.width, wa.height, 32, SDL_PIXELFORMAT_ARGB8888);
    int rc = 1;
    if (s) {
        for (int y = 0; y < wa.height; y++) {
            Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
            for (int x = 0; x < wa.width; x++) {
                unsigned long p = XGetPixel(im, x, y);
                Uint32 r = (Uint32)((p & im->red_mask) >> __builtin_ctzl(im->red_mask));
                Uint32 g = (Uint32)((p & im->green_mask) >> __builtin_ctzl(im->green_mask));
                Uint32 b = (Uint32)((p & im->blue_mask) >> __builtin_ctzl(im->blue_mask));
                row[x] = 0xff000000u | r << 16 | g << 8 | b;
            }
        }
        rc = IMG_SavePNG(s, argv[1]) == 0 ? 0 : 1;
        if (rc) fprintf(stderr, "xshot: cannot save %s: %s\n", argv[1], SDL_GetError());
        SDL_FreeSurface(s);
    }
    XDestroyImage(im);
    XCloseDisplay(dpy);
    return rc;
}
