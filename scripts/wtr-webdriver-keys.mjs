// Real key presses for WebDriver sessions (WebKit through WebKitWebDriver).
//
// @web/test-runner-commands' sendKeys supports only `type` and `press` over WebDriver, and sends `type`
// as every key down followed by every key up. This plugin answers the same `send-keys` command for
// WebDriver sessions through the W3C actions API instead: `type` presses each character in turn,
// `press` accepts `Shift+Tab`-style combinations, and `down` / `up` hold and release a key. The actions
// go to the browser's input pipeline, as with a real keyboard (no synthetic events).
// It needs `concurrency: 1` (the WebDriver launcher runs each test file as the top-level page then).

/** WebDriver's key codepoints (https://w3c.github.io/webdriver/#keyboard-actions) by KeyboardEvent.key. */
const KEYS = {
  Cancel: '\uE001',
  Help: '\uE002',
  Backspace: '\uE003',
  Tab: '\uE004',
  Clear: '\uE005',
  Return: '\uE006',
  Enter: '\uE007',
  Shift: '\uE008',
  ShiftLeft: '\uE008',
  Control: '\uE009',
  ControlLeft: '\uE009',
  Alt: '\uE00A',
  AltLeft: '\uE00A',
  Pause: '\uE00B',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Insert: '\uE016',
  Delete: '\uE017',
  F1: '\uE031',
  F2: '\uE032',
  F3: '\uE033',
  F4: '\uE034',
  F5: '\uE035',
  F6: '\uE036',
  F7: '\uE037',
  F8: '\uE038',
  F9: '\uE039',
  F10: '\uE03A',
  F11: '\uE03B',
  F12: '\uE03C',
  Meta: '\uE03D',
  MetaLeft: '\uE03D',
  ShiftRight: '\uE050',
  ControlRight: '\uE051',
  AltRight: '\uE052',
  MetaRight: '\uE053',
};

/** One key name (`Enter`, `a`, `Shift`) as a WebDriver key value; an unknown multi-letter name is an error. */
export function webdriverKey(name) {
  if (Object.prototype.hasOwnProperty.call(KEYS, name)) return KEYS[name];
  if (/^Key[A-Z]$/.test(name)) return name.slice(3).toLowerCase();
  if (/^Digit[0-9]$/.test(name)) return name.slice(5);
  if ([...name].length === 1) return name;
  throw new Error(`sendKeys: unknown key "${name}"`);
}

/** The key actions for one sendKeys payload. */
export function keyActions(payload) {
  const down = (value) => ({ type: 'keyDown', value });
  const up = (value) => ({ type: 'keyUp', value });
  if ('type' in payload) return [...String(payload.type)].flatMap((c) => [down(c), up(c)]);
  if ('down' in payload) return [down(webdriverKey(payload.down))];
  if ('up' in payload) return [up(webdriverKey(payload.up))];
  if ('press' in payload) {
    // 'Shift+Tab' holds Shift while Tab is pressed (a lone '+' is the plus key).
    const parts = payload.press === '+' ? ['+'] : payload.press.split('+').map((p) => (p === '' ? '+' : p));
    const values = parts.map(webdriverKey);
    return [...values.map(down), ...values.reverse().map(up)];
  }
  throw new Error('sendKeys: pass one of type, press, down or up');
}

export function webdriverKeysPlugin() {
  const plugin = {
    name: 'qys-webdriver-keys',
    serverStart({ config }) {
      // The built-in command plugins come first in the list the test runner asks for commands, and the
      // built-in send-keys answers (or throws, for down/up) before any user plugin is asked: put this one
      // in front of it. That list is the test-runner API plugin's `plugins` (the user config's array).
      const list = config.plugins.find(
        (p) => Array.isArray(p.plugins) && p.plugins.includes(plugin),
      )?.plugins;
      const builtIn = list?.findIndex((p) => p.name === 'send-keys-command') ?? -1;
      const self = list?.indexOf(plugin) ?? -1;
      if (builtIn !== -1 && self > builtIn) {
        list.splice(self, 1);
        list.splice(builtIn, 0, plugin);
      }
    },
    async executeCommand({ command, payload, session }) {
      if (command !== 'send-keys' || session.browser.type !== 'webdriver') return undefined;
      if (payload == null || typeof payload !== 'object')
        throw new Error('You must provide a `SendKeysPayload` object');
      const actions = keyActions(payload);
      await session.browser.driverManager.performActions(session.id, [
        { type: 'key', id: 'keyboard', actions },
      ]);
      return true;
    },
  };
  return plugin;
}
