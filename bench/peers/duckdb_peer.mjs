// DuckDB as a peer of tradeoff's grouped summary (npm @duckdb/node-api, one thread).
//
//   node duckdb_peer.mjs group --stem S --keys int|string --workload NAME --runs R --answers PREFIX
//
// Loads the driver's .npy columns into an in-memory DuckDB table t(key, value) before the clock
// starts (int keys as BIGINT; string keys as VARCHAR, built inside DuckDB from the group names),
// then times the query alone, result read back included (one row per group):
//   SELECT key, count(value), avg(value), min(value), max(value), median(value),
//          quantile_cont(value, 0.25), quantile_cont(value, 0.75) FROM t GROUP BY key ORDER BY key
// Prints the RESULT lines of bench/common/harness.hpp and writes each column as .npy.

import { readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance, DOUBLE, INTEGER, BIGINT, DuckDBDataChunk } from '@duckdb/node-api';

function parseOptions(argv) {
  const options = { task: argv[0], runs: '3' };
  for (let i = 1; i + 1 < argv.length; i += 2) {
    options[argv[i].replace(/^--/, '')] = argv[i + 1];
  }
  return options;
}

// .npy (version 1, little-endian, C order, 1-D) → typed array over a copy of the data.
function readNpy(path) {
  const bytes = readFileSync(path);
  const headerLength = bytes.readUInt16LE(8);
  const header = bytes.toString('latin1', 10, 10 + headerLength);
  const descr = /'descr': '([^']+)'/.exec(header)[1];
  const data = bytes.subarray(10 + headerLength);
  const copy = new Uint8Array(data.length);
  copy.set(data);
  if (descr === '<f8') return new Float64Array(copy.buffer);
  if (descr === '<i4') return new Int32Array(copy.buffer);
  if (descr === '<i8') return new BigInt64Array(copy.buffer);
  throw new Error(`readNpy: unsupported dtype ${descr} in ${path}`);
}

function writeNpy(path, typed) {
  const descr = typed instanceof Float64Array ? '<f8' : typed instanceof BigInt64Array ? '<i8' : '<i4';
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${typed.length},), }`;
  const unpadded = 10 + header.length + 1;
  header = header + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const preamble = Buffer.alloc(10);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(preamble);
  preamble.writeUInt16LE(header.length, 8);
  writeFileSync(path, Buffer.concat([preamble, Buffer.from(header, 'latin1'),
    Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength)]));
}

// Appends (code/key, value) columns to table `into` in chunks of 2048 rows, copying the typed
// arrays straight into DuckDB's vectors.
async function load(connection, into, keyType, keys, values) {
  const appender = await connection.createAppender(into);
  const chunkSize = 2048;
  for (let start = 0; start < values.length; start += chunkSize) {
    const size = Math.min(chunkSize, values.length - start);
    const chunk = DuckDBDataChunk.create([keyType, DOUBLE], size);
    const keyVector = chunk.getColumnVector(0);
    const valueVector = chunk.getColumnVector(1);
    keyVector.items.set(keys.subarray(start, start + size));
    valueVector.items.set(values.subarray(start, start + size));
    keyVector.flush();
    valueVector.flush();
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

async function group(options) {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  await connection.run('SET threads = 1');
  const values = readNpy(`${options.stem}.values.npy`);
  if (options.keys === 'int') {
    await connection.run('CREATE TABLE t (key BIGINT, value DOUBLE)');
    await load(connection, 't', BIGINT, readNpy(`${options.stem}.ikeys.npy`), values);
  } else {
    const names = readFileSync(`${options.stem}.names.txt`, 'utf8').split('\n').slice(0, -1);
    await connection.run('CREATE TABLE names (code INTEGER, name VARCHAR)');
    const appender = await connection.createAppender('names');
    names.forEach((name, code) => { appender.appendInteger(code); appender.appendVarchar(name); appender.endRow(); });
    appender.closeSync();
    await connection.run('CREATE TABLE coded (code INTEGER, value DOUBLE)');
    await load(connection, 'coded', INTEGER, readNpy(`${options.stem}.codes.npy`), values);
    // Row order kept (rowid), so the values reach each group in file order, as for the others.
    await connection.run(`CREATE TABLE t AS SELECT names.name AS key, coded.value AS value
                          FROM coded JOIN names USING (code) ORDER BY coded.rowid`);
    await connection.run('DROP TABLE coded');
  }
  const threads = (await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects()[0].t;
  const query = `SELECT key, count(value) AS count, avg(value) AS mean, min(value) AS min, max(value) AS max,
                        median(value) AS median, quantile_cont(value, 0.25) AS q1, quantile_cont(value, 0.75) AS q3
                 FROM t GROUP BY key ORDER BY key`;
  const seconds = [];
  const cpuSeconds = [];
  let columns = null;
  for (let run = 0; run < Number(options.runs); run += 1) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    const reader = await connection.runAndReadAll(query);
    columns = reader.getColumnsObject();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    const cpu = process.cpuUsage(cpuStart);
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  console.log(['RESULT', options.workload, 'DuckDB', median(seconds).toPrecision(9),
    Math.min(...seconds).toPrecision(9), seconds.length, median(cpuSeconds).toPrecision(9),
    `DuckDB ${(await connection.runAndReadAll('SELECT version() AS v')).getRowObjects()[0].v}, threads=${threads}; query only`].join('\t'));
  writeNpy(`${options.answers}.DuckDB.count.npy`, BigInt64Array.from(columns.count, BigInt));
  for (const name of ['mean', 'min', 'max', 'median', 'q1', 'q3']) {
    writeNpy(`${options.answers}.DuckDB.${name}.npy`, Float64Array.from(columns[name], Number));
  }
}

const options = parseOptions(process.argv.slice(2));
if (options.task !== 'group') {
  throw new Error(`duckdb_peer: unknown task ${options.task}`);
}
await group(options);
