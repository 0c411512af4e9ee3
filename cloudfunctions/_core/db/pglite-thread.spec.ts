import fs from 'node:fs';
import pg from 'pg';
import { pgliteTemplatePath } from '../../../tests/support/template';
import type { Database } from './database';
import { openDatabase } from './open-database';
import { EngineSocket, EngineThread } from './pglite-thread';

// The suite's migrated template; on the PostgreSQL suite there is none, so an empty database is made once.
let emptyDump: Blob | undefined;
const templateDump = () => (emptyDump ? emptyDump : new Blob([fs.readFileSync(pgliteTemplatePath())]));
beforeAll(async () => {
  if (fs.existsSync(pgliteTemplatePath())) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const empty = await PGlite.create();
  emptyDump = await empty.dumpDataDir('none');
  await empty.close();
});

const errorOf = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => undefined,
    (caught) => caught,
  );
  const { message, code, detail, constraint, severity, table } = error ?? {};
  return { message, code, detail, constraint, severity, table };
};

/** Statements whose answers (rows or error) are what pg makes of a server's: the engine's own messages and codes. */
async function answersOf(db: Database) {
  await db.query('create table spec_t (id int primary key, note text not null)');
  await db.query('insert into spec_t values ($1, $2)', [1, '一']);
  return {
    types: await db.query(
      `select 1::int4 as a, 9007199254740993::int8 as b, 1.50::numeric as c, '党员'::text as d, true as e,
              date '2026-01-02' as f, timestamptz '2026-01-02 03:04:05+08' as g, '{"a":[1,2]}'::jsonb as h,
              array[1,2]::int[] as i, '\\x0102'::bytea as j, null::text as k, interval '1 day 2 hours' as l,
              current_setting('TimeZone') as zone`,
    ),
    parameters: await db.query('select $1::text || $2::text as s, $3::int + 1 as n, $4::timestamptz as t', ['义', '工', 41, new Date('2026-03-04T05:06:07Z')]),
    count: await db.query('select count(*) from spec_t where id = $1', [1]),
    divisionByZero: await errorOf(db.query('select 1 / 0')),
    missingTable: await errorOf(db.query('select * from spec_missing')),
    syntax: await errorOf(db.query('selec 1')),
    duplicate: await errorOf(db.transaction((tx) => tx.query('insert into spec_t values ($1, $2)', [1, '二']))),
    notNull: await errorOf(db.query('insert into spec_t values ($1, $2)', [2, null])),
    afterRollback: await db.transaction((tx) => tx.query('select count(*)::int as n from spec_t')),
  };
}

describe('the embedded engine on its own thread', () => {
  it('should answer with the types pg gives for a server, and errors with the engine message, SQLSTATE and constraint', async () => {
    const db = await openDatabase({ kind: 'pglite-dump', dump: templateDump() });
    const answers = await answersOf(db).finally(() => db.close());
    expect(answers.types).toEqual([
      {
        a: 1,
        b: '9007199254740993',
        c: '1.50',
        d: '党员',
        e: true,
        f: new Date(2026, 0, 2),
        g: new Date('2026-01-01T19:04:05Z'),
        h: { a: [1, 2] },
        i: [1, 2],
        j: Buffer.from([1, 2]),
        k: null,
        l: expect.objectContaining({ days: 1, hours: 2 }),
        zone: 'Asia/Shanghai',
      },
    ]);
    expect(answers.parameters).toEqual([{ s: '义工', n: 42, t: new Date('2026-03-04T05:06:07Z') }]);
    expect(answers.count).toEqual([{ count: '1' }]);
    expect(answers.divisionByZero).toMatchObject({ code: '22012', message: 'division by zero', severity: 'ERROR' });
    expect(answers.missingTable).toMatchObject({ code: '42P01', message: 'relation "spec_missing" does not exist' });
    expect(answers.syntax).toMatchObject({ code: '42601', message: 'syntax error at or near "selec"' });
    expect(answers.duplicate).toMatchObject({ code: '23505', constraint: 'spec_t_pkey', detail: 'Key (id)=(1) already exists.', table: 'spec_t' });
    expect(answers.notNull).toMatchObject({ code: '23502', message: 'null value in column "note" of relation "spec_t" violates not-null constraint' });
    expect(answers.afterRollback).toEqual([{ n: 1 }]);
  });

  // On the main thread PGlite's own adapter lost the connection here ("Connection terminated unexpectedly"),
  // and the pool's next query failed on the stray answer ("Received unexpected parseComplete message").
  it('should refuse a parameter the engine cannot convert with its SQLSTATE and go on serving', async () => {
    const db = await openDatabase({ kind: 'pglite-dump', dump: templateDump() });
    try {
      expect(await errorOf(db.query('select $1::int as n', ['一']))).toMatchObject({ code: '22P02', message: 'invalid input syntax for type integer: "一"' });
      expect(await db.transaction((tx) => tx.query('select $1::int + 1 as n', ['41']))).toEqual([{ n: 42 }]);
    } finally {
      await db.close();
    }
  });

  it('should carry large requests and answers whole', async () => {
    const db = await openDatabase({ kind: 'pglite-dump', dump: templateDump() });
    try {
      const text = '义'.repeat(1_000_000);
      const [row] = await db.query<{ s: string; n: number }>('select $1::text as s, length(repeat($1::text, 4)) as n', [text]);
      expect(row.s).toBe(text);
      expect(row.n).toBe(4_000_000);
    } finally {
      await db.close();
    }
  });

  it('should start each new connection on a clean session: no open transaction, no prepared statement of the last one', async () => {
    const thread = await EngineThread.start({ kind: 'pglite-dump', dump: await templateDump().arrayBuffer() }, "SET TIME ZONE 'Asia/Shanghai'");
    const connect = async () => {
      const client = new pg.Client({ user: 'postgres', database: 'postgres', ssl: false, stream: () => new EngineSocket(thread) });
      await client.connect();
      return client;
    };
    try {
      const first = await connect();
      await first.query('create table spec_session (id int)');
      await first.query({ name: 'spec_one', text: 'select $1::int as n', values: [1] });
      await first.query('begin');
      await first.query('insert into spec_session values (1)');
      const lost = new Promise((resolve) => first.once('error', resolve));
      first.connection.stream.destroy(); // lost in the middle of its transaction
      expect(await lost).toMatchObject({ message: 'Connection terminated unexpectedly' });

      const second = await connect();
      expect((await second.query({ name: 'spec_one', text: 'select $1::int + 1 as n', values: [1] })).rows).toEqual([{ n: 2 }]);
      expect((await second.query('select count(*)::int as n from spec_session')).rows).toEqual([{ n: 0 }]);
      expect((await second.query("select current_setting('TimeZone') as zone")).rows).toEqual([{ zone: 'Asia/Shanghai' }]);
      await second.end();
    } finally {
      await thread.close();
    }
  });

  it('should end its thread on close, after which a request is refused rather than left waiting', async () => {
    const thread = await EngineThread.start({ kind: 'pglite-dump', dump: await templateDump().arrayBuffer() }, 'select 1');
    await thread.close();
    await expect(thread.exec(new Uint8Array([0x53, 0, 0, 0, 4]))).rejects.toThrow('嵌入式数据库线程已退出');
  });
});

describe('the socket pg writes to', () => {
  const sync = [0x53, 0, 0, 0, 4];
  const parse = (name: string) => {
    const body = Buffer.from(`${name}\0select 1\0\0\0`, 'utf8');
    const head = Buffer.alloc(5);
    head[0] = 0x50;
    head.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([head, body]);
  };
  const startup = () => {
    const body = Buffer.from('user\0postgres\0\0', 'utf8');
    const head = Buffer.alloc(8);
    head.writeInt32BE(body.length + 8, 0);
    head.writeInt32BE(196608, 4); // protocol 3.0
    return Buffer.concat([head, body]);
  };

  it('should hand the engine whole requests, up to the message the backend answers, however pg splits its writes', async () => {
    const sent: Buffer[] = [];
    const engine = { exec: async (bytes: Uint8Array) => (sent.push(Buffer.from(bytes)), new Uint8Array(0)) } as unknown as EngineThread;
    const socket = new EngineSocket(engine);
    const write = (chunk: Buffer) => new Promise((resolve) => socket.write(chunk, resolve));
    const hello = startup();
    await write(hello.subarray(0, 3));
    await write(hello.subarray(3));
    const request = Buffer.concat([parse('a'), Buffer.from(sync), parse('b')]);
    await write(request.subarray(0, 7));
    await write(request.subarray(7, request.length - 2));
    await write(request.subarray(request.length - 2));
    await write(Buffer.from(sync));
    expect(sent).toEqual([hello, Buffer.concat([parse('a'), Buffer.from(sync)]), Buffer.concat([parse('b'), Buffer.from(sync)])]);
  });
});
