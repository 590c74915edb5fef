// `npm start`: build everything and run the desktop app in Electron.
//
// The native SQLite module in node_modules is built for Node (tests and the preview need it
// that way). Electron has a different ABI, so a second build is made out of place, in
// .cache/electron-native/<electron version>/, and handed to the core through
// CLINIC_NATIVE_BINDING. node_modules is never touched.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const NATIVE = 'better-sqlite3-multiple-ciphers';

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

/** `npm run <script>` with the npm that runs us when there is one, else through the shell (npm.cmd on Windows). */
function npmRun(script) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.c?js$/.test(npmCli)) return run(process.execPath, [npmCli, 'run', script]);
  return spawnSync(`npm run ${script}`, { cwd: root, stdio: 'inherit', shell: true }).status === 0;
}

// (a) Electron's binary. The electron package downloads it from GitHub in its install script;
// requiring the package from Node returns the binary's path, or throws when it never arrived.
function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

// (c) better-sqlite3-multiple-ciphers built for Electron, in a copy of the package.
function electronNativeBinding(electronVersion) {
  const pkgDir = path.dirname(require.resolve(`${NATIVE}/package.json`));
  const pkgVersion = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  const outDir = path.join(root, '.cache', 'electron-native', electronVersion);
  const binding = path.join(outDir, 'build', 'Release', 'better_sqlite3.node');
  // The stamp makes an upgrade of the module (or a copied checkout on another OS) rebuild.
  const stampFile = path.join(outDir, '.stamp.json');
  const stamp = JSON.stringify({ module: pkgVersion, platform: process.platform, arch: process.arch });
  if (fs.existsSync(binding) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return binding;

  console.log(`Building ${NATIVE} ${pkgVersion} for Electron ${electronVersion} in ${path.relative(root, outDir)} ...`);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  // Sources only: leave out the Node build (build/) so nothing of it can be picked up.
  fs.cpSync(pkgDir, outDir, {
    recursive: true,
    filter: (src) => !['build', 'node_modules'].includes(path.relative(pkgDir, src).split(path.sep)[0]),
  });

  const target = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
  // First the published prebuilt binary for this Electron ABI (what the package's own install
  // script does for Node): no compiler needed. Then compile with node-gyp against Electron's
  // headers, kept in .cache/electron-gyp apart from Node's.
  const prebuild = createRequire(path.join(pkgDir, 'package.json')).resolve('prebuild-install/bin.js');
  if (!run(process.execPath, [prebuild, ...target], { cwd: outDir }) || !fs.existsSync(binding)) {
    console.log('No prebuilt binary; compiling with node-gyp (needs Python and a C++ toolchain) ...');
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
    const ok = run(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        ...target,
        '--dist-url=https://electronjs.org/headers',
        `--devdir=${path.join(root, '.cache', 'electron-gyp')}`,
      ],
      { cwd: outDir },
    );
    if (!ok || !fs.existsSync(binding)) fail(`Could not build ${NATIVE} for Electron ${electronVersion} (see the output above).`);
  }
  fs.writeFileSync(stampFile, stamp);
  return binding;
}

const electronPath = electronBinary();
if (!electronPath) {
  fail(
    [
      "Electron's binary is missing: node_modules/electron is installed but its binary could not be",
      'downloaded (the electron package fetches it from GitHub during `npm install`, and GitHub was',
      'not reachable).',
      '',
      '  - On a machine with internet access, `npm rebuild electron` (or `npm install` in a fresh',
      '    checkout) downloads it; then run `npm start` again.',
      '  - Meanwhile, `npm run preview` runs the same core and renderer in the browser preview.',
    ].join('\n'),
  );
}
const electronVersion = require('electron/package.json').version;

// (b) Build the renderer and the Electron bundles (with source maps: this is development).
if (!npmRun('build:renderer')) fail('The renderer build failed.');
if (!run(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs'), '--dev'])) fail('The Electron build failed.');

const binding = electronNativeBinding(electronVersion);

const env = { ...process.env, CLINIC_NATIVE_BINDING: binding };
// Set by some editors' terminals; it would make Electron behave as plain Node.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => fail(`Could not start Electron: ${error.message}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
