/* What SDL's code would link into the page although the page never uses it, replaced by small
 * stand-ins. The page draws with WebGL2 only: it never converts surfaces, never opens a game
 * controller and never asks SDL for a GL function's address (ImGui's OpenGL3 backend and the
 * diagram call the GLES3 functions directly). Each stand-in fails the way SDL fails when a
 * feature is unavailable (NULL, with SDL_GetError() saying why).
 *
 * eglGetProcAddress is taken from this library before Emscripten's, which is a table of every
 * GL and WebGL extension function (they would all stay in the wasm and its JavaScript). The
 * __wrap_ functions stand in for SDL's own through the linker's --wrap (LINK_OPTIONS in
 * CMakeLists.txt, which the page's link reads from the installed link_options.txt): SDL's own
 * definitions, and everything only they reach (the software blitters, the controller
 * database), are then left out. */
#include "SDL.h"

void *eglGetProcAddress(const char *name)
{
    (void)name;
    return NULL;
}

/* Reached only from colour cursors and window icons (Emscripten_CreateCursor, SDL_SetWindowIcon);
 * the page uses system cursors and has no icon. */
SDL_Surface *__wrap_SDL_ConvertSurface(SDL_Surface *src, const SDL_PixelFormat *fmt, Uint32 flags)
{
    (void)src;
    (void)fmt;
    (void)flags;
    SDL_SetError("SDL_ConvertSurface is left out of MLP Explorer's SDL");
    return NULL;
}

/* Reached only from ImGui's SDL backend when gamepad navigation is on, which the page leaves off. */
SDL_GameController *__wrap_SDL_GameControllerOpen(int joystick_index)
{
    (void)joystick_index;
    SDL_SetError("game controllers are left out of MLP Explorer's SDL");
    return NULL;
}

/* SDL's software framebuffer for a window (SDL_GetWindowSurface, SDL_UpdateWindowSurface), which
 * copies pixels into a 2D canvas through JavaScript: the page draws with WebGL2 and never asks
 * for a window surface, but the video driver's table names these three, which kept them and
 * their JavaScript (1.8 kB of gzip). SDL_GetWindowSurface now fails with this message. */
struct SDL_VideoDevice;

int __wrap_Emscripten_CreateWindowFramebuffer(struct SDL_VideoDevice *device, SDL_Window *window, Uint32 *format,
                                              void **pixels, int *pitch)
{
    (void)device;
    (void)window;
    (void)format;
    (void)pixels;
    (void)pitch;
    return SDL_SetError("window surfaces are left out of MLP Explorer's SDL");
}

int __wrap_Emscripten_UpdateWindowFramebuffer(struct SDL_VideoDevice *device, SDL_Window *window,
                                              const SDL_Rect *rects, int numrects)
{
    (void)device;
    (void)window;
    (void)rects;
    (void)numrects;
    return SDL_SetError("window surfaces are left out of MLP Explorer's SDL");
}

void __wrap_Emscripten_DestroyWindowFramebuffer(struct SDL_VideoDevice *device, SDL_Window *window)
{
    (void)device;
    (void)window;
}

/* SDL's gestures: the $1 recognizer of recorded shapes and the multi-finger pinch and rotate
 * events (SDL_DOLLARGESTURE, SDL_MULTIGESTURE), worked out for every touch event the page gets.
 * The page reads neither (ImGui's backend and the app take the touches as they come), so every
 * event skips them (2.1 kB of gzip, the recognizer's trigonometry included). */
void __wrap_SDL_GestureProcessEvent(SDL_Event *event)
{
    (void)event;
}

int __wrap_SDL_GestureAddTouch(SDL_TouchID touchId)
{
    (void)touchId;
    return 0;
}

int __wrap_SDL_GestureDelTouch(SDL_TouchID touchId)
{
    (void)touchId;
    return 0;
}
