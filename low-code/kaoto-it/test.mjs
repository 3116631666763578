// Headless-browser test: the tamtam Kamelet and component inside Kaoto 2.7.1's canvas.
// Starts Vite on a free loopback port, drives Debian's chromium with playwright-core (no browser download), checks what
// Kaoto shows and writes screenshots to docs/images/. Exit code 0 only when every check passed; the server is always
// stopped. Prerequisites: npm ci, node scripts/build-catalog.mjs (the .ci/kaoto-it script does both).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const imagesDir = join(repoRoot, 'docs/images');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CATALOG_NAME = 'Camel Main 4.14.0 + camel-tamtam';
const SERVER_START_MS = 60_000;
/** The first page load makes Vite transform Kaoto's modules: minutes on a cold 2-core machine. */
const FIRST_LOAD_MS = 420_000;
const STEP_MS = 30_000;

const sink = parse(
  readFileSync(join(repoRoot, 'camel-tamtam/src/main/resources/kamelets/tamtam-key-accounts-sink.kamelet.yaml'), 'utf8'),
);
const componentJson = join(
  repoRoot,
  'camel-tamtam/src/generated/resources/META-INF/io/github/cameltamtam/component/tamtam/tamtam.json',
);

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`PASS ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function startVite(port) {
  const vite = spawn(process.execPath, [join(here, 'node_modules/vite/bin/vite.js'), '--port', String(port), '--strictPort'], {
    cwd: here,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  vite.stdout.on('data', (d) => (output += d));
  vite.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + SERVER_START_MS;
  while (Date.now() < deadline) {
    if (vite.exitCode !== null) throw new Error(`vite exited with ${vite.exitCode}: ${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/catalog/index.json`);
      if (response.ok) return vite;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite did not answer within ${SERVER_START_MS} ms: ${output}`);
}

function stop(child) {
  if (child && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL'); // the whole group: vite and esbuild
    } catch {
      child.kill('SIGKILL');
    }
  }
}

async function main() {
  assert(existsSync(join(here, 'public/catalog/index.json')), 'public/catalog/index.json missing: run node scripts/build-catalog.mjs');
  mkdirSync(imagesDir, { recursive: true });
  const port = await freePort();
  let vite;
  let browser;
  const stopAll = () => stop(vite);
  process.once('SIGINT', () => (stopAll(), process.exit(130)));
  process.once('SIGTERM', () => (stopAll(), process.exit(143)));
  try {
    vite = await startVite(port);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-quic',
        '--disable-sync',
        '--no-first-run',
      ],
      timeout: STEP_MS,
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1500 } });
    page.setDefaultTimeout(STEP_MS);
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The page may talk to nothing but the loopback server.
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return url.hostname === '127.0.0.1' || url.protocol === 'data:' ? route.continue() : route.abort();
    });

    const started = Date.now();
    await page.goto(`http://127.0.0.1:${port}/`, { timeout: FIRST_LOAD_MS });
    const kameletNode = page.locator('g.custom-node[data-nodelabel="kamelet:tamtam-key-accounts-sink"]');
    await kameletNode.waitFor({ timeout: FIRST_LOAD_MS });
    console.log(`Kaoto showed the route after ${Math.round((Date.now() - started) / 1000)} s`);
    await page.waitForTimeout(1500); // the canvas fits the graph in an animation frame; let it settle before clicking

    await check('Kaoto runs on the catalog with the tamtam entries', async () => {
      await page.getByText(CATALOG_NAME).first().waitFor();
    });

    await check('the Kamelet step shows its icon and description', async () => {
      const image = kameletNode.locator('.custom-node__container__image img');
      const src = await image.getAttribute('src');
      assert(src === sink.metadata.annotations['camel.apache.org/kamelet.icon'], `icon src is not the Kamelet's icon: ${src?.slice(0, 60)}`);
      assert(await image.evaluate((img) => img.complete && img.naturalWidth > 0), 'the icon did not render');
      const title = await kameletNode.locator('.custom-node__container__image').getAttribute('title');
      assert(title?.startsWith(sink.spec.definition.description.split('\n')[0]), `tooltip is not the Kamelet description: ${title?.slice(0, 80)}`);
    });

    await check('the step is flagged while its required API key is missing', async () => {
      assert((await kameletNode.getAttribute('data-warning')) === 'true', 'no warning on a step without apiKey');
    });

    const side = page.locator('.canvas-sidebar');
    await check('selecting the step opens its form titled with the Kamelet title', async () => {
      await kameletNode.locator('.custom-node__container__image').click();
      await side.getByText(sink.spec.definition.title, { exact: true }).waitFor();
      await side.getByRole('button', { name: 'Required', exact: true }).click();
      const required = await side.locator('input[name^="#.parameters."]').evaluateAll((inputs) => inputs.map((i) => i.name));
      const expected = sink.spec.definition.required.map((p) => `#.parameters.${p}`);
      assert(JSON.stringify(required) === JSON.stringify(expected), `Required tab lists ${required}, expected ${expected}`);
    });

    await check('the All tab lists every Kamelet option, the API key as a password field', async () => {
      await side.getByRole('button', { name: 'All', exact: true }).click();
      const names = Object.keys(sink.spec.definition.properties);
      for (const name of names) {
        await side.locator(`input[name="#.parameters.${name}"]`).waitFor({ state: 'attached' });
      }
      const apiKeyType = await side.locator('input[name="#.parameters.apiKey"]').getAttribute('type');
      assert(apiKeyType === 'password', `apiKey input type is ${apiKeyType}`);
      const userEmail = await side.locator('input[name="#.parameters.userEmail"]').inputValue();
      assert(userEmail === 'alice@example.com', `userEmail field shows ${userEmail}`);
      const failOn = await side.locator('input[name="#.parameters.failOnPaymentRequired"]').getAttribute('type');
      assert(failOn === 'checkbox', `failOnPaymentRequired is a ${failOn}, not a checkbox`);
      await page.screenshot({ path: join(imagesDir, 'kaoto-tamtam-kamelet-form.png') });
    });

    await check('typing the API key writes it into the route and clears the warning', async () => {
      const placeholder = '{{env:TAMTAM_API_KEY}}';
      await side.locator('input[name="#.parameters.apiKey"]').fill(placeholder);
      await page.waitForFunction((p) => window.kaotoRouteYaml.includes(p), placeholder, { timeout: STEP_MS });
      const routes = parse(await page.evaluate(() => window.kaotoRouteYaml));
      const to = routes[0].route.from.steps.find((s) => s.to)?.to;
      assert(to?.parameters?.apiKey === placeholder, `route parameters: ${JSON.stringify(to?.parameters)}`);
      await page.waitForFunction(
        () => document.querySelector('g.custom-node[data-nodelabel="kamelet:tamtam-key-accounts-sink"]')?.getAttribute('data-warning') === 'false',
        null,
        { timeout: STEP_MS },
      );
      assert(!(await side.locator('input[name="#.parameters.apiKey"]').isHidden()), 'apiKey field disappeared');
      assert((await side.locator('input[name="#.parameters.apiKey"]').getAttribute('type')) === 'password', 'the typed key is shown in clear');
    });

    if (existsSync(componentJson)) {
      const component = JSON.parse(readFileSync(componentJson, 'utf8'));
      await check('the tamtam component step opens its form from the component catalog JSON', async () => {
        const node = page.locator('g.custom-node[data-nodelabel="tamtam"]');
        await node.locator('.custom-node__container__image').click();
        await side.getByText(component.component.title, { exact: true }).waitFor();
        await side.getByRole('button', { name: 'All', exact: true }).click();
        await side.locator('input[name="#.parameters.userEmail"]').waitFor({ state: 'attached' });
        // The API key is in the component's "security" group, which the form shows collapsed: open it.
        await side.getByRole('button', { name: /security/i }).first().click();
        await side.locator('input[name="#.parameters.apiKey"]').scrollIntoViewIfNeeded();
        const apiKeyType = await side.locator('input[name="#.parameters.apiKey"]').getAttribute('type');
        assert(apiKeyType === 'password', `component apiKey input type is ${apiKeyType}`);
        await page.screenshot({ path: join(imagesDir, 'kaoto-tamtam-component-form.png') });
      });
    } else {
      console.log('SKIP the tamtam component: its catalog JSON was not generated (mvn -pl camel-tamtam -am process-classes)');
    }

    await check('no uncaught error in the page', async () => {
      assert(pageErrors.length === 0, pageErrors.join(' | '));
    });
  } catch (error) {
    results.push({ name: 'setup', ok: false });
    console.log(`FAIL setup: ${error?.message ?? error}`);
  } finally {
    await browser?.close().catch(() => {});
    stopAll();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`kaoto-it: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
