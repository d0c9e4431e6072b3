// Minimal typings of sm-crypto 0.5 (the package ships none): what src/admission/gm.ts uses.
declare module 'sm-crypto' {
  interface SignOptions {
    hash?: boolean;
    der?: boolean;
    publicKey?: string;
    userId?: string;
    pointPool?: Array<{ k: unknown; x1: unknown }>;
  }
  export const sm2: {
    doSignature(msg: string | ArrayLike<number>, privateKeyHex: string, opts?: SignOptions): string;
    doVerifySignature(
      msg: string | ArrayLike<number>,
      signatureHex: string,
      publicKeyHex: string,
      opts?: { hash?: boolean; der?: boolean; userId?: string },
    ): boolean;
    getPublicKeyFromPrivateKey(privateKeyHex: string): string;
    generateKeyPairHex(a?: string, b?: number): { privateKey: string; publicKey: string };
    verifyPublicKey(publicKeyHex: string): boolean;
  };
  export function sm3(input: string | ArrayLike<number>): string;
}
declare module 'jsbn' {
  export class BigInteger {
    constructor(value: string, radix?: number);
  }
}
