// Builds the catalog library that the host page hands to Kaoto: one runtime catalog (Camel Main, copied from the
// catalog shipped inside @kaoto/kaoto) with the tamtam Kamelets added to its Kamelets file and, when the component's
// generated catalog JSON exists, the tamtam component added to its components file. Output: public/catalog/ (git-ignored).
//
// Kaoto reads a catalog library like this: index.json lists runtime catalogs ({name, version, runtime, fileName});
// each runtime index names one aggregate file per kind (components, kamelets, models, ...). Entries need a
// `propertiesSchema` (the JSON schema Kaoto's forms are drawn from), which Kaoto's catalog generator derives; the two
// derive* functions below follow the generator's rules and are checked against every entry the shipped catalog has.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..');
const repoRoot = resolve(projectRoot, '../..');
const outDir = join(projectRoot, 'public/catalog');

/** Runtime catalog we extend: the newest upstream Camel Main catalog shipped with Kaoto 2.7.1. */
export const BASE_CATALOG_NAME = 'Camel Main 4.14.0';
export const CATALOG_NAME = 'Camel Main 4.14.0 + camel-tamtam';

const KAMELETS_DIR = join(repoRoot, 'camel-tamtam/src/main/resources/kamelets');
const COMPONENT_JSON = join(
  repoRoot,
  'camel-tamtam/src/generated/resources/META-INF/io/github/cameltamtam/component/tamtam/tamtam.json',
);

/** The catalog @kaoto/kaoto ships in its package (byte-identical to @kaoto/camel-catalog 0.2.2's dist/camel-catalog). */
const kaotoCatalogDir = join(projectRoot, 'node_modules/@kaoto/kaoto/lib/camel-catalog');

/** Kamelet propertiesSchema, as Kaoto's catalog generator derives it from spec.definition. */
export function deriveKameletSchema(kamelet) {
  const def = kamelet.spec?.definition ?? {};
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' };
  for (const key of ['title', 'description', 'required']) {
    if (def[key] !== undefined) schema[key] = def[key];
  }
  const props = def.properties ?? {};
  if (Object.keys(props).length > 0) {
    schema.properties = {};
    for (const [name, prop] of Object.entries(props)) {
      const out = {};
      if (prop.type !== undefined) out.type = prop.type;
      if (prop.type === 'binary') {
        out.$comment = 'type:binary';
        out.type = 'string';
      }
      for (const key of ['title', 'description', 'enum', 'default', 'format']) {
        if (prop[key] !== undefined) out[key] = prop[key];
      }
      schema.properties[name] = out;
    }
  }
  return schema;
}

/** Component propertiesSchema, as Kaoto's catalog generator derives it from a Camel catalog JSON's endpoint properties. */
export function deriveComponentSchema(componentJson) {
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: {} };
  const required = [];
  for (const [name, prop] of Object.entries(componentJson.properties ?? {})) {
    const out = { title: prop.displayName, description: prop.description };
    let format;
    switch (prop.type) {
      case 'duration':
        out.type = 'string';
        format = 'duration';
        break;
      case 'object':
        if (prop.javaType?.startsWith('java.util.Map')) {
          out.type = 'object';
        } else {
          out.type = 'string';
          format = `bean:${prop.javaType}`;
        }
        break;
      case 'enum':
        // Newer Camel catalogs (tamtam's is Camel 4.22) write "type": "enum"; the 4.14 catalog Kaoto ships never does,
        // and JSON schema has no such type (Kaoto's form shows "not yet supported"): a string with the enum list.
        out.type = 'string';
        break;
      case 'array':
        out.type = 'array';
        out.items = { type: 'string' };
        break;
      default:
        out.type = prop.type;
    }
    if (prop.enum) out.enum = prop.enum;
    out.$comment = `group:${prop.group}`;
    if (prop.secret) format = format?.startsWith('bean:') ? `${format}|password` : 'password';
    if (format) out.format = format;
    if (prop.deprecated) out.deprecated = true;
    if (prop.defaultValue !== undefined) out.default = typedDefault(out.type, prop.defaultValue);
    if (prop.required) required.push(name);
    schema.properties[name] = out;
  }
  if (required.length > 0) schema.required = required;
  return schema;
}

/** Catalog JSON may give a boolean default as text ("false"); the schema holds it as a boolean (numbers stay as given). */
function typedDefault(type, value) {
  return type === 'boolean' && (value === 'true' || value === 'false') ? value === 'true' : value;
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const sameJson = (a, b) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  }
  return value;
}

/** How many shipped entries our derivation reproduces exactly: proof that the rules are Kaoto's. */
function checkDerivation(entries, derive, kind) {
  const values = Object.values(entries);
  const mismatched = values.filter((entry) => !sameJson(derive(entry), entry.propertiesSchema));
  console.log(`catalog: ${kind} propertiesSchema derivation reproduces ${values.length - mismatched.length}/${values.length} shipped entries`);
  return mismatched.length;
}

function writeHashed(dir, prefix, content) {
  const text = JSON.stringify(content);
  const file = `${prefix}-${createHash('md5').update(text).digest('hex')}.json`;
  writeFileSync(join(dir, file), text);
  return file;
}

function build() {
  const library = readJson(join(kaotoCatalogDir, 'index.json'));
  const base = library.definitions.find((d) => d.name === BASE_CATALOG_NAME);
  if (!base) throw new Error(`${BASE_CATALOG_NAME} not in ${kaotoCatalogDir}/index.json`);
  const baseDir = join(kaotoCatalogDir, dirname(base.fileName));
  const runtimeIndex = readJson(join(kaotoCatalogDir, base.fileName));

  rmSync(outDir, { recursive: true, force: true });
  const runtimeOut = join(outDir, dirname(base.fileName));
  mkdirSync(runtimeOut, { recursive: true });
  for (const file of readdirSync(baseDir)) copyFileSync(join(baseDir, file), join(runtimeOut, file));

  // Kamelets: read the project's YAML at build time (never a copy), add the generator's propertiesSchema.
  const kamelets = readJson(join(baseDir, runtimeIndex.catalogs.kamelets.file));
  if (checkDerivation(kamelets, deriveKameletSchema, 'Kamelet') !== 0) {
    throw new Error('Kamelet propertiesSchema rules no longer match the shipped catalog');
  }
  const added = [];
  for (const file of readdirSync(KAMELETS_DIR).filter((f) => f.endsWith('.kamelet.yaml')).sort()) {
    const kamelet = parse(readFileSync(join(KAMELETS_DIR, file), 'utf8'));
    kamelets[kamelet.metadata.name] = { ...kamelet, propertiesSchema: deriveKameletSchema(kamelet) };
    added.push(`kamelet ${kamelet.metadata.name}`);
  }
  runtimeIndex.catalogs.kamelets.file = writeHashed(runtimeOut, 'kamelets-aggregate-tamtam', kamelets);

  // Component: only when the build generated its catalog JSON (mvn process-classes).
  if (existsSync(COMPONENT_JSON)) {
    const components = readJson(join(baseDir, runtimeIndex.catalogs.components.file));
    const mismatches = checkDerivation(components, deriveComponentSchema, 'component');
    // The few left differ only in how a numeric default was written (0.0 vs "0.0", Long.MAX_VALUE), which JSON.parse
    // cannot tell apart; tamtam's options have no such default.
    if (mismatches > Object.keys(components).length / 50) {
      throw new Error('component propertiesSchema rules no longer match the shipped catalog');
    }
    const tamtam = readJson(COMPONENT_JSON);
    components[tamtam.component.name] = {
      component: tamtam.component,
      componentProperties: tamtam.componentProperties ?? {},
      headers: tamtam.headers ?? {},
      properties: tamtam.properties,
      propertiesSchema: deriveComponentSchema(tamtam),
    };
    runtimeIndex.catalogs.components.file = writeHashed(runtimeOut, 'camel-catalog-aggregate-components-tamtam', components);
    added.push(`component ${tamtam.component.name}`);
  } else {
    console.log(`catalog: no ${COMPONENT_JSON}; component not added (run mvn -pl camel-tamtam -am process-classes)`);
  }

  runtimeIndex.name = CATALOG_NAME;
  const indexFile = join(dirname(base.fileName), 'index-tamtam.json');
  writeFileSync(join(outDir, indexFile), JSON.stringify(runtimeIndex, null, 2));
  const definition = { name: CATALOG_NAME, version: base.version, runtime: base.runtime, fileName: indexFile };
  writeFileSync(join(outDir, 'index.json'), JSON.stringify({ definitions: [definition] }, null, 2));
  console.log(`catalog: ${CATALOG_NAME} written to ${outDir} with ${added.join(', ')}`);
}

build();
