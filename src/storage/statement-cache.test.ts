import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

describe('withStatementCache', () => {
  it('prepares a SQL text once, keeps answering right, and evicts the least recently used', () => {
    const file = new SQLite(':memory:');
    const database = withStatementCache(file);
    database.prepare('create table t (n integer)').run([]);
    const insert = database.prepare('insert into t (n) values (?)');
    expect(database.prepare('insert into t (n) values (?)')).toBe(insert);
    insert.run([1]);
    database.prepare('insert into t (n) values (?)').run([2]);
    expect(database.prepare('select sum(n) as s from t').all([])).toEqual([{ s: 3 }]);

    for (let i = 0; i < 250; i++) database.prepare(`select ${i} as n`).all([]);
    expect(database.prepare('insert into t (n) values (?)')).not.toBe(insert);
    database.close();
    expect(file.open).toBe(false);
  });
});
