// sendKeys over WebDriver (WebKit): the key actions scripts/wtr-webdriver-keys.mjs sends for each payload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error a plain .mjs script without types
import { keyActions, webdriverKey } from '../../scripts/wtr-webdriver-keys.mjs';

type Action = { type: string; value: string };
const actions = keyActions as (p: Record<string, string>) => Action[];
const key = webdriverKey as (name: string) => string;

test('press: a named key is its WebDriver codepoint, down then up', () => {
  assert.deepEqual(actions({ press: 'Enter' }), [
    { type: 'keyDown', value: '\uE007' },
    { type: 'keyUp', value: '\uE007' },
  ]);
  assert.equal(key('ArrowDown'), '\uE015');
  assert.equal(key('Tab'), '\uE004');
  assert.equal(key(' '), ' ');
  assert.equal(key('Space'), ' ');
  assert.equal(key('KeyA'), 'a');
  assert.equal(key('Digit7'), '7');
});

test('press with a modifier holds it around the key, released last', () => {
  assert.deepEqual(
    actions({ press: 'Shift+Tab' }).map((a) => `${a.type}:${a.value}`),
    ['keyDown:\uE008', 'keyDown:\uE004', 'keyUp:\uE004', 'keyUp:\uE008'],
  );
  assert.deepEqual(actions({ press: '+' }), [
    { type: 'keyDown', value: '+' },
    { type: 'keyUp', value: '+' },
  ]);
});

test('type presses each character in turn (not all down, then all up), any script', () => {
  assert.deepEqual(
    actions({ type: 'a保' }).map((a) => `${a.type}:${a.value}`),
    ['keyDown:a', 'keyUp:a', 'keyDown:保', 'keyUp:保'],
  );
});

test('down and up hold and release one key', () => {
  assert.deepEqual(actions({ down: 'Shift' }), [{ type: 'keyDown', value: '\uE008' }]);
  assert.deepEqual(actions({ up: 'Shift' }), [{ type: 'keyUp', value: '\uE008' }]);
});

test('an unknown key name or an empty payload is an error naming it', () => {
  assert.throws(() => actions({ press: 'Hyper' }), /unknown key "Hyper"/);
  assert.throws(() => actions({}), /one of type, press, down or up/);
});
