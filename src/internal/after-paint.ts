/**
 * Resolves once the frame now being prepared has been painted: a message posted from an animation frame callback
 * is delivered after that frame. Where frames do not come (a hidden tab, a detached or `display: none` frame),
 * after `fallbackMs`. Work that the first paint does not need (module requests, images) waits for it, so it does
 * not compete with that frame.
 */
export function afterPaint(fallbackMs = 250): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        clearTimeout(timer);
        resolve();
      };
      ch.port2.postMessage(0);
    });
  });
}

/**
 * Resolves in the browser's next animation frame, before it lays out and paints (work done then, and in the
 * microtasks after, shows in that frame); after `fallbackMs` where frames do not come.
 */
export function beforeNextFrame(fallbackMs = 100): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
