/**
 * Hostile and degenerate inputs: symlink loops, FIFOs, unreadable directories, alias-heavy
 * YAML, empty inputs, UTF-16 files. Each is loaded or refused in one line, never hangs or throws.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { expandPaths } from '../../ingest/files.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const gaad = here('../../examples/gaad/account-333344445555.json');
const bin = here('../../bin/iamgraph.js');
const root = mkdtempSync(join(tmpdir(), 'iamgraph-hostile-'));
const HOSTILE_TIMEOUT = 10_000;
let n = 0;
const freshDir = (): string => {
  const dir = join(root, `d${n++}`);
  mkdirSync(dir);
  return dir;
};
const MODEL = 'accounts:\n  - id: "555566667777"\n    users:\n      - name: bob\n';

const hasMkfifo = (() => {
  try {
    execFileSync('mkfifo', [join(root, 'probe')]);
    return true;
  } catch {
    return false;
  }
})();
const unreadableDirs: string[] = [];
afterAll(() => {
  for (const dir of unreadableDirs) chmodSync(dir, 0o755);
});

describe('directory walk', () => {
  it('two symlinks to "." and a self-symlink: every real directory and file is read once', () => {
    const dir = freshDir();
    copyFileSync(gaad, join(dir, 'gaad.json'));
    symlinkSync('.', join(dir, 'a'));
    symlinkSync('.', join(dir, 'b'));
    symlinkSync('gaad.json', join(dir, 'same.json'));
    const { files, skipped } = expandPaths([dir]);
    expect(files).toEqual([join(dir, 'gaad.json')]);
    expect(skipped.map((s) => s.path).sort()).toEqual([join(dir, 'a'), join(dir, 'b'), join(dir, 'same.json')]);
  }, HOSTILE_TIMEOUT);
  it('a chain of "." symlinks 20 deep does not explode', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'm.yaml'), MODEL);
    for (let i = 0; i < 20; i++) symlinkSync('.', join(dir, `l${i}`));
    expect(expandPaths([dir]).files).toEqual([join(dir, 'm.yaml')]);
  }, HOSTILE_TIMEOUT);
  it.skipIf(!hasMkfifo)('a FIFO named x.json is skipped with a warning, in a directory and when named', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'm.yaml'), MODEL);
    execFileSync('mkfifo', [join(dir, 'x.json')]);
    for (const input of [dir, join(dir, 'x.json')]) {
      expect(expandPaths([input]).skipped).toEqual([{ path: join(dir, 'x.json'), reason: 'a FIFO, not a regular file: not read' }]);
    }
    const { model, errors } = await loadInputs([dir]);
    expect(errors).toEqual([]);
    expect(Object.keys(model.accounts)).toEqual(['555566667777']);
    expect(model.warnings.filter((w) => w.code === 'skipped-input').map((w) => w.message)).toEqual([`${join(dir, 'x.json')}: skipped: a FIFO, not a regular file: not read`]);
  }, HOSTILE_TIMEOUT);
  it('an unreadable sub-directory is one input error for it; the rest loads', async (ctx) => {
    const dir = freshDir();
    writeFileSync(join(dir, 'm.yaml'), MODEL);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'x.json'), '{}');
    chmodSync(locked, 0o000);
    unreadableDirs.push(locked);
    let blocked = true;
    try {
      readdirSync(locked);
      blocked = false; // root ignores the mode bits
    } catch {
      // expected for an ordinary user
    }
    if (!blocked) ctx.skip();
    const { model, errors } = await loadInputs([dir]);
    expect(errors).toEqual([{ file: locked, pointer: '', message: 'cannot read directory (EACCES)' }]);
    expect(Object.keys(model.accounts)).toEqual(['555566667777']);
  });
});

describe('YAML aliases', () => {
  it('a thousand ordinary aliases to one anchor load', async () => {
    const dir = freshDir();
    const users = Array.from({ length: 1000 }, (_, i) => `      - { name: u${i}, tags: *tags }`).join('\n');
    writeFileSync(join(dir, 'm.yaml'), `accounts:\n  - id: "555566667777"\n    users:\n      - { name: first, tags: &tags { team: red } }\n${users}\n`);
    const { model, errors } = await loadInputs([join(dir, 'm.yaml')]);
    expect(errors).toEqual([]);
    expect(Object.keys(model.users)).toHaveLength(1001);
  });
  it('a billion-laughs document is refused in one line', async () => {
    const dir = freshDir();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    writeFileSync(join(dir, 'bomb.yaml'), `${levels.join('\n')}\n`);
    const { errors } = await loadInputs([join(dir, 'bomb.yaml')]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^expected YAML whose aliases expand to at most 100000 nodes, got an alias expansion bomb \(billion laughs\): refused$/);
  }, HOSTILE_TIMEOUT);
});

describe('no data is an input error', () => {
  it('an empty file, a blank file, an empty directory, a directory with no data files', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(join(dir, 'blank.yaml'), '  \n\n# nothing\n');
    const emptyDir = freshDir();
    const notes = freshDir();
    writeFileSync(join(notes, 'README.txt'), 'hello');
    await expect(loadInputs([join(dir, 'empty.json')])).rejects.toThrow(`no IAM data in the inputs: ${join(dir, 'empty.json')} (1 file read, all empty)`);
    await expect(loadInputs([join(dir, 'blank.yaml')])).rejects.toThrow(/^no IAM data in the inputs: .*blank\.yaml \(1 file read, all empty\)$/);
    await expect(loadInputs([emptyDir])).rejects.toThrow(`no IAM data in the inputs: ${emptyDir} (no .json, .yaml, .yml or .csv file found)`);
    await expect(loadInputs([notes])).rejects.toThrow(/no IAM data in the inputs/);
  });
  it('the CLI: exit 2 and a single stderr line', () => {
    const emptyDir = freshDir();
    const r = spawnSync(process.execPath, [bin, 'privesc', '-i', emptyDir], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([`iamgraph: no IAM data in the inputs: ${emptyDir} (no .json, .yaml, .yml or .csv file found)`]);
  });
});

describe('encodings', () => {
  const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
  it('UTF-16 LE and BE files with a BOM are decoded', async () => {
    const dir = freshDir();
    const model = MODEL.replace('bob', 'bób');
    writeFileSync(join(dir, 'le.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(model, 'utf16le')]));
    writeFileSync(join(dir, 'be.yaml'), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(model.replace('555566667777', '555566668888'))]));
    const { model: loaded, errors } = await loadInputs([dir]);
    expect(errors).toEqual([]);
    expect(Object.values(loaded.users).map((u) => `${u.accountId}/${u.name}`).sort()).toEqual(['555566667777/bób', '555566668888/bób']);
  });
});

describe('credential report CSV (RFC 4180)', () => {
  it('a quoted field with a comma and a quoted quote stays one field; a bad row is one error', async () => {
    const dir = freshDir();
    const header = 'user,arn,user_creation_time,password_enabled,password_last_used,mfa_active,access_key_1_active';
    const rows = [
      header,
      '"ops,team",arn:aws:iam::333344445555:user/ci-bot,2024-01-01T00:00:00+00:00,true,N/A,true,false',
      '"say ""hi""",arn:aws:iam::333344445555:user/engineering/alice,2024-01-01T00:00:00+00:00,false,N/A,false,true',
      'short,row',
    ];
    writeFileSync(join(dir, 'report.csv'), `${rows.join('\r\n')}\r\n`);
    const { model, errors } = await loadInputs([gaad, join(dir, 'report.csv')]);
    expect(errors).toEqual([{ file: join(dir, 'report.csv'), pointer: 'line 4', message: 'expected 7 columns, got 2' }]);
    expect(model.users['arn:aws:iam::333344445555:user/ci-bot'].credentials).toMatchObject({ passwordEnabled: true, mfaActive: true });
    expect(model.users['arn:aws:iam::333344445555:user/engineering/alice'].credentials).toMatchObject({ passwordEnabled: false, accessKeys: [{ active: true }] });
  });
  it('an unterminated quote is one error, not a throw', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'report.csv'), 'user,arn,password_enabled,mfa_active,access_key_1_active\n"open,arn:x,true,true,true\n');
    const { errors } = await loadInputs([join(dir, 'report.csv')]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^expected CSV, got /);
  });
});
