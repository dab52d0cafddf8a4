// jsdom, plus the platform pieces browsers have and jsdom lacks (WebCrypto, text codecs, structuredClone, `Response`,
// which the router checks thrown values against), taken from Node — with Node's typed arrays, so bytes made by one
// (TextEncoder, WebCrypto) pass `instanceof` checks in another.
const { TestEnvironment } = require('jest-environment-jsdom');

class WebEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, {
      structuredClone,
      TextEncoder,
      TextDecoder,
      Uint8Array,
      ArrayBuffer,
      Response,
    });
    Object.defineProperty(this.global, 'crypto', { value: globalThis.crypto, configurable: true });
  }
}

module.exports = WebEnvironment;
