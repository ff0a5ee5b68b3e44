/* xclose: asks every top-level X window that takes WM_DELETE_WINDOW to
 * close, the way a window manager's close button or Alt+F4 does (a
 * ClientMessage, not a kill). For tests/lockdown: the kiosk must ignore it.
 * Prints how many windows were asked. A test tool, never part of the kiosk. */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <stdio.h>

int main(void)
{
    Display *d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "xclose: cannot open the display\n");
        return 2;
    }
    Atom protocols = XInternAtom(d, "WM_PROTOCOLS", False);
    Atom del = XInternAtom(d, "WM_DELETE_WINDOW", False);
    Window root = DefaultRootWindow(d), parent, *kids = NULL;
    unsigned n = 0;
    int asked = 0;
    if (XQueryTree(d, root, &root, &parent, &kids, &n)) {
        for (unsigned i = 0; i < n; i++) {
            Atom *ps = NULL;
            int np = 0, takes = 0;
            if (XGetWMProtocols(d, kids[i], &ps, &np)) {
                for (int j = 0; j < np; j++)
                    takes |= ps[j] == del;
                XFree(ps);
            }
            if (!takes) continue;
            XEvent ev = {0};
            ev.xclient.type = ClientMessage;
            ev.xclient.window = kids[i];
            ev.xclient.message_type = protocols;
            ev.xclient.format = 32;
            ev.xclient.data.l[0] = (long)del;
            ev.xclient.data.l[1] = CurrentTime;
            XSendEvent(d, kids[i], False, NoEventMask, &ev);
            asked++;
        }
        XFree(kids);
    }
    XSync(d, False);
    XCloseDisplay(d);
    printf("%d\n", asked);
    return 0;
}
