import { CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sandboxCommand } from '../cli/commands/sandbox.ts';

describe('owlhub sandbox', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints one JSON object with the URL and credentials and runs until SIGTERM', async () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    const running = sandboxCommand().parseAsync(
      ['--json', '--flavor', 'datacenter', '--issues', '5', '--base-path', '/jira'],
      { from: 'user' },
    );
    await vi.waitFor(() => expect(writes.join('')).toContain('\n'), { timeout: 10_000 });
    const printed = JSON.parse(writes.join('')) as {
      url: string;
      flavor: string;
      credentials: { personalAccessToken: string };
    };
    expect(printed.flavor).toBe('datacenter');
    expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/jira$/);
    const response = await fetch(`${printed.url}/rest/api/2/myself`, {
      headers: { Authorization: `Bearer ${printed.credentials.personalAccessToken}` },
    });
    expect(response.status).toBe(200);
    process.emit('SIGTERM');
    await running;
    await expect(fetch(`${printed.url}/rest/api/2/serverInfo`)).rejects.toThrow();
  });

  it('refuses bad flags with a message naming them', async () => {
    const errors: string[] = [];
    const command = sandboxCommand()
      .exitOverride()
      .configureOutput({ writeErr: (text) => errors.push(text) });
    await expect(
      command.parseAsync(['--rate-per-sec', 'fast'], { from: 'user' }),
    ).rejects.toBeInstanceOf(CommanderError);
    expect(errors.join('')).toContain('--rate-per-sec must be a whole number');
  });
});
