/**
 * Resolves in the browser's next animation frame: before it lays out and paints (work done then, and in the
 * microtasks after, shows in that frame), or with `painted`, once that frame has been painted (a message posted
 * from an animation frame callback is delivered after the frame). Where frames do not come (a hidden tab, a
 * detached or `display: none` frame), after `fallbackMs`.
 */
export function nextFrame(painted = false, fallbackMs = 250): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    requestAnimationFrame(() => {
      if (!painted) return done();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        done();
      };
      ch.port2.postMessage(0);
    });
  });
}
