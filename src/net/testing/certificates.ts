import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PEM certificate and its key. */
export interface TestCertificate {
  cert: string;
  key: string;
}

/** Certificates for TLS tests, all for `localhost` unless named otherwise. */
export interface TestCertificates {
  /** A test CA; pass it as `tls.ca` to trust `valid`, `expired` and `otherName`. */
  ca: string;
  valid: TestCertificate;
  expired: TestCertificate;
  /** Issued by the CA for `other.example`, so `localhost` is a name mismatch. */
  otherName: TestCertificate;
  /** Self-signed, trusted by no one. */
  selfSigned: TestCertificate;
}

const CA_CONFIG = `
[ ca ]
default_ca = test
[ test ]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[ any ]
commonName = supplied
`;

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function newKeyArgs(key: string): string[] {
  return ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key];
}

/** Generates the certificates with the `openssl` CLI into a temporary folder (about 100 ms). */
export function createTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'owlhub-certs-'));
  try {
    const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
    writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '1000\n');
    openssl(dir, [
      'req',
      '-x509',
      ...newKeyArgs('ca.key'),
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=OwlHub Test CA',
    ]);
    const sign = (name: string, cn: string, dates: string[]): TestCertificate => {
      openssl(dir, [
        'req',
        ...newKeyArgs(`${name}.key`),
        '-out',
        `${name}.csr`,
        '-subj',
        `/CN=${cn}`,
        '-addext',
        `subjectAltName=DNS:${cn}`,
      ]);
      openssl(dir, [
        'ca',
        '-batch',
        '-config',
        'ca.cnf',
        '-cert',
        'ca.pem',
        '-keyfile',
        'ca.key',
        '-in',
        `${name}.csr`,
        '-out',
        `${name}.pem`,
        '-notext',
        ...dates,
      ]);
      return { cert: read(`${name}.pem`), key: read(`${name}.key`) };
    };
    openssl(dir, [
      'req',
      '-x509',
      ...newKeyArgs('self.key'),
      '-out',
      'self.pem',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
    ]);
    return {
      ca: read('ca.pem'),
      valid: sign('valid', 'localhost', ['-days', '2']),
      expired: sign('expired', 'localhost', [
        '-startdate',
        '20200101000000Z',
        '-enddate',
        '20200102000000Z',
      ]),
      otherName: sign('other', 'other.example', ['-days', '2']),
      selfSigned: { cert: read('self.pem'), key: read('self.key') },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
