import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { define } from '../../src/internal/define.js';
import { VERSION } from '../../src/version.js';

describe('define()', () => {
  it('registers once; the same version again is a silent no-op', () => {
    class A extends LitElement {}
    class B extends LitElement {}
    const errors: unknown[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      define('test-define-same', A);
      define('test-define-same', B);
    } finally {
      console.error = orig;
    }
    expect(customElements.get('test-define-same')).to.equal(A);
    expect(errors).to.have.length(0);
  });

  it('a different version already registered logs one error naming both versions', () => {
    class Old extends HTMLElement {}
    (Old as unknown as Record<symbol, string>)[Symbol.for('qys-elements/version')] = '0.0.1-old';
    customElements.define('test-define-other', Old);
    const errors: string[] = [];
    const orig = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      define('test-define-other', class extends HTMLElement {});
      define('test-define-other', class extends HTMLElement {});
    } finally {
      console.error = orig;
    }
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('0.0.1-old').and.contain(VERSION).and.contain('<test-define-other>');
    expect(customElements.get('test-define-other')).to.equal(Old);
  });
});
