#!/usr/bin/env node
/*
 * spec/tskb-to-legacy.js -- convert the @aws-cdk/aws-service-spec database (db.json.gz, a
 * @cdklabs/tskb entity store) into the legacy CloudFormation resource specification layout,
 * for the resource types of spec/types.list only.  Called by spec/import; maintainers only.
 *
 *   node spec/tskb-to-legacy.js DB.json.gz TYPES.list SPEC-VERSION-STRING > legacy.json
 *
 * The output is compact and unsorted; spec/import pipes it through `jq -S -f spec/slice.jq`.
 * Node standard library only.  Fails (exit 1, message on stderr) on anything it cannot map
 * faithfully: a listed type missing from the database, two property types of one resource with
 * the same name, a type shape the legacy format cannot express, a dangling Type/ItemType.
 *
 * How the database is laid out (what this program relies on):
 *   db.schema.resource.entities        {key: {$id, cloudFormationType, name, properties,
 *                                              attributes, tagInformation, ...}}
 *   db.schema.typeDefinition.entities  {key: {$id, name, properties, mustRenderForBwCompat?}}
 *   db.schema.usesType.forward         {resource $id: [{$id: typeDefinition $id}, ...]}
 *       -- every type definition belongs to exactly one resource; the legacy name is
 *          "<cloudFormationType>.<typeDefinition.name>".
 *   a property: {type, required?, causesReplacement? ("yes"|"maybe"), previousTypes?, deprecated?,
 *                defaultValue?, documentation, relationshipRefs?}
 *   a type: {type: "string"|"integer"|"number"|"boolean"|"json"|"date-time"|"tag"
 *                  |"ref" (reference.$ref = typeDefinition $id)
 *                  |"array"|"map" (element = a type) |"union" (types = [type...]),
 *            allowedValues?}
 *   previousTypes: the older types of a property, oldest first; previousTypes[0] is the type the
 *                  legacy specification used, `type` is the current (registry) type.
 *
 * Mapping (SPEC-NOTES section 2): string->String, integer->Integer, number->Double,
 * boolean->Boolean, json->Json, date-time->Timestamp, ref->Type <name>, tag->Type Tag (the global
 * Tag), array->List and map->Map with PrimitiveItemType or ItemType; required->Required;
 * causesReplacement yes->Immutable, maybe->Conditional, otherwise Mutable.
 * Extension keys (not in AWS's format): AllowedValues (enum values of the property, or of its
 * items for a List/Map), CurrentType (the current type when the legacy one differs: a legacy-shaped
 * object, unions as {"Union": [shape, ...]}), Deprecated (the database's deprecation level).
 * Not available in the database, so not emitted: Documentation URLs, DuplicatesAllowed, Long
 * (64-bit integers come out as Integer).
 */
'use strict';

const fs = require('fs');
const zlib = require('zlib');

function die(msg) {
    process.stderr.write('tskb-to-legacy: ' + msg + '\n');
    process.exit(1);
}

if (process.argv.length !== 5) {
    die('usage: node tskb-to-legacy.js DB.json.gz TYPES.list SPEC-VERSION-STRING');
}
const [dbPath, typesPath, specVersion] = process.argv.slice(2);

const wanted = fs.readFileSync(typesPath, 'utf8').split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
if (wanted.length === 0) die(typesPath + ': no resource types');

const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(dbPath)).toString('utf8'));
const S = db.schema;
for (const k of ['resource', 'typeDefinition', 'usesType']) {
    if (!S || !S[k]) die(dbPath + ': not a tskb service-spec database (no schema.' + k + ')');
}

const resByCfn = new Map();
for (const r of Object.values(S.resource.entities)) {
    if (!wanted.includes(r.cloudFormationType)) continue;
    if (resByCfn.has(r.cloudFormationType)) die('resource type listed twice in db: ' + r.cloudFormationType);
    resByCfn.set(r.cloudFormationType, r);
}
const tdById = new Map();
for (const t of Object.values(S.typeDefinition.entities)) tdById.set(t.$id, t);

const PRIM = {
    'string': 'String', 'integer': 'Integer', 'number': 'Double', 'boolean': 'Boolean',
    'json': 'Json', 'date-time': 'Timestamp',
};

/* Name (legacy Type / ItemType) of a ref or tag type; null for primitives. */
function refName(t, where) {
    if (t.type === 'tag') return 'Tag';
    if (t.type === 'ref') {
        const td = tdById.get(t.reference && t.reference.$ref);
        if (!td) die(where + ': reference to unknown type definition ' + JSON.stringify(t.reference));
        return td.name;
    }
    return null;
}

/* Legacy shape of a type: {PrimitiveType} | {Type} | {Type: List|Map, PrimitiveItemType|ItemType}. */
function shape(t, where) {
    if (PRIM[t.type]) return { PrimitiveType: PRIM[t.type] };
    if (t.type === 'ref' || t.type === 'tag') return { Type: refName(t, where) };
    if (t.type === 'array' || t.type === 'map') {
        const outer = t.type === 'array' ? 'List' : 'Map';
        const e = t.element;
        if (!e) die(where + ': ' + t.type + ' without element');
        if (PRIM[e.type]) return { Type: outer, PrimitiveItemType: PRIM[e.type] };
        if (e.type === 'ref' || e.type === 'tag') return { Type: outer, ItemType: refName(e, where) };
        die(where + ': ' + t.type + ' of ' + e.type + ' has no legacy form');
    }
    if (t.type === 'union') {
        /* The legacy format has no unions.  A union with json in it is what the legacy spec
         * called Json (a JSON value or a string holding one). */
        if (t.types.some((m) => m.type === 'json')) return { PrimitiveType: 'Json' };
        die(where + ': union ' + JSON.stringify(t.types.map((m) => m.type)) + ' has no legacy form');
    }
    die(where + ': unknown type ' + JSON.stringify(t));
}

/* Shape for the CurrentType extension key: like shape(), but unions are kept. */
function currentShape(t, where) {
    if (t.type === 'union') return { Union: t.types.map((m) => currentShape(m, where)) };
    if ((t.type === 'array' || t.type === 'map') && t.element &&
        !PRIM[t.element.type] && t.element.type !== 'ref' && t.element.type !== 'tag') {
        return { Type: t.type === 'array' ? 'List' : 'Map', Item: currentShape(t.element, where) };
    }
    return shape(t, where);
}

function sameJSON(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

/* One property (withFlags) or attribute (without Required/UpdateType). */
function convert(p, where, withFlags) {
    const legacyT = (p.previousTypes && p.previousTypes.length > 0) ? p.previousTypes[0] : p.type;
    const out = shape(legacyT, where);
    const cur = currentShape(p.type, where);
    if (!sameJSON(cur, out)) out.CurrentType = cur;
    const allowed = legacyT.allowedValues || (legacyT.element && legacyT.element.allowedValues);
    if (allowed) out.AllowedValues = allowed.slice();
    if (p.deprecated) out.Deprecated = p.deprecated;
    if (withFlags) {
        out.Required = p.required === true;
        out.UpdateType = p.causesReplacement === 'yes' ? 'Immutable'
            : p.causesReplacement === 'maybe' ? 'Conditional' : 'Mutable';
    }
    return out;
}

function convertMap(props, where, withFlags) {
    const out = {};
    for (const name of Object.keys(props || {})) {
        out[name] = convert(props[name], where + '.' + name, withFlags);
    }
    return out;
}

const ResourceTypes = {};
const PropertyTypes = {};
const missing = wanted.filter((t) => !resByCfn.has(t));
if (missing.length > 0) die('not in the database: ' + missing.join(', '));

for (const cfn of wanted) {
    const r = resByCfn.get(cfn);
    const res = { Properties: convertMap(r.properties, cfn, true) };
    const attrs = convertMap(r.attributes, cfn + ' attribute', false);
    if (Object.keys(attrs).length > 0) res.Attributes = attrs;
    ResourceTypes[cfn] = res;
    for (const ref of (S.usesType.forward[r.$id] || [])) {
        const td = tdById.get(ref.$id);
        if (!td) die(cfn + ': uses unknown type definition ' + ref.$id);
        const key = cfn + '.' + td.name;
        if (PropertyTypes[key]) die('two type definitions named ' + key);
        PropertyTypes[key] = { Properties: convertMap(td.properties, key, true) };
    }
}

/* The global Tag of the legacy specification (slice.jq keeps it only when it is referenced). */
const tagProp = { PrimitiveType: 'String', Required: true, UpdateType: 'Mutable' };
PropertyTypes.Tag = { Properties: { Key: { ...tagProp }, Value: { ...tagProp } } };

/* Closure: every Type / ItemType (also inside CurrentType) resolves, scoped first, then global. */
const dangling = [];
function checkRefs(scope, p, where) {
    const names = [];
    (function collect(s) {
        if (!s || typeof s !== 'object') return;
        if (typeof s.Type === 'string' && s.Type !== 'List' && s.Type !== 'Map') names.push(s.Type);
        if (typeof s.ItemType === 'string') names.push(s.ItemType);
        if (s.Item) collect(s.Item);
        if (Array.isArray(s.Union)) s.Union.forEach(collect);
        if (s.CurrentType) collect(s.CurrentType);
    })(p);
    for (const n of names) {
        if (!PropertyTypes[scope + '.' + n] && !PropertyTypes[n]) dangling.push(where + ' -> ' + n);
    }
}
for (const [cfn, r] of Object.entries(ResourceTypes)) {
    for (const [n, p] of Object.entries(r.Properties)) checkRefs(cfn, p, cfn + '.' + n);
    for (const [n, p] of Object.entries(r.Attributes || {})) checkRefs(cfn, p, cfn + ' attribute ' + n);
}
for (const [key, pt] of Object.entries(PropertyTypes)) {
    const scope = key.split('.')[0];
    for (const [n, p] of Object.entries(pt.Properties)) checkRefs(scope, p, key + '.' + n);
}
if (dangling.length > 0) die('dangling type references:\n  ' + dangling.join('\n  '));

process.stdout.write(JSON.stringify({
    ResourceSpecificationVersion: specVersion,
    ResourceTypes,
    PropertyTypes,
}) + '\n');
