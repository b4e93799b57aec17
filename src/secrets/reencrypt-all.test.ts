import { describe, expect, it } from 'vitest';
import { encryptSecret } from './envelope.ts';
import { generateSecretKey } from './key.ts';
import { createKeyring } from './keyring.ts';
import { reencryptAll } from './reencrypt-all.ts';

function ring(...keys: ReturnType<typeof generateSecretKey>[]) {
  const [current, ...older] = keys;
  const result = createKeyring(current!, older);
  if (!result.ok) throw new Error('keyring');
  return result.value;
}

describe('reencryptAll', () => {
  it('reports every secret as changed, unchanged or failed', () => {
    const oldKey = generateSecretKey();
    const before = ring(oldKey);
    const after = ring(generateSecretKey(), oldKey);
    const outcome = reencryptAll(after, [
      { id: 'a', envelope: encryptSecret(before, 'token-a', 'a:token'), aad: 'a:token' },
      { id: 'b', envelope: encryptSecret(after, 'token-b', 'b:token'), aad: 'b:token' },
      { id: 'c', envelope: encryptSecret(before, 'token-c', 'c:token'), aad: 'moved-row' },
      { id: 'd', envelope: 'garbage', aad: 'd:token' },
    ]);
    expect(outcome.changed.map((item) => item.id)).toEqual(['a']);
    expect(outcome.changed[0]?.envelope.split(':')[1]).toBe(after.current.id);
    expect(outcome.unchanged).toEqual(['b']);
    expect(outcome.failed).toEqual([
      { id: 'c', error: { kind: 'authentication_failed', keyId: oldKey.id } },
      { id: 'd', error: { kind: 'malformed_envelope' } },
    ]);
  });
});
