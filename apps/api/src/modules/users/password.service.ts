import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/**
 * Argon2id hashing (the library's default algorithm, with its OWASP-recommended costs). When there
 * is no hash to check (unknown email, account without a password) a dummy hash is verified
 * instead, so that the answer takes as long as a real check and does not tell accounts apart.
 */
@Injectable()
export class PasswordService {
  private dummy: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    if (!passwordHash) {
      await verify(await this.dummyHash(), password).catch(() => false);
      return false;
    }
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  private dummyHash(): Promise<string> {
    return (this.dummy ??= hash(randomBytes(24).toString('base64url')));
  }
}
