/**
 * Deep "strict" copies of the discord-api-spec zod schemas.
 *
 * Why not `.strict()` or `setStrictObject(true)`? The package is generated with `zod/mini`, whose
 * objects have no `.strict()` method, and it builds every schema eagerly when the module is first
 * evaluated, binding nested references through `z.lazy(() => OtherSchema)`. `setStrictObject`
 * therefore only affects schemas evaluated *after* the call, which under ESM is none of them.
 * `z.strictObject(schema.shape)` would only make the outermost object strict.
 *
 * So we rebuild the schema graph: every object gets `catchall: never` (exactly what
 * `z.strictObject` produces), every wrapper is cloned around its strict inner type, and lazy
 * references are re-wrapped so recursive graphs (components inside containers inside sections…)
 * are converted on demand and memoised. Checks (`maxLength(2000)` and friends) live in the
 * definition and survive the clone.
 */
import * as z from 'zod/mini';
import { util, type $ZodType, type $ZodTypes } from 'zod/v4/core';

const strictCopies = new WeakMap<$ZodType, $ZodType>();

/** Returns a copy of `schema` in which every nested object rejects unknown keys. */
export function strictify<T extends $ZodType>(schema: T): T {
  return strictifyAny(schema) as T;
}

function strictifyAny(schema: $ZodType): $ZodType {
  const cached = strictCopies.get(schema);
  if (cached) return cached;

  const typed = schema as $ZodTypes;
  const def = typed._zod.def;
  let copy: $ZodType;

  switch (def.type) {
    case 'object': {
      const shape: Record<string, $ZodType> = {};
      for (const [key, value] of Object.entries(def.shape)) shape[key] = strictifyAny(value);
      // mergeDefs (not a spread) keeps property descriptors intact, as zod's own `catchall` does.
      copy = util.clone(typed, util.mergeDefs(def, { shape, catchall: z.never() }));
      break;
    }
    case 'array':
      copy = util.clone(typed, util.mergeDefs(def, { element: strictifyAny(def.element) }));
      break;
    case 'union':
      copy = util.clone(typed, util.mergeDefs(def, { options: def.options.map(strictifyAny) }));
      break;
    case 'intersection':
      copy = util.clone(
        typed,
        util.mergeDefs(def, { left: strictifyAny(def.left), right: strictifyAny(def.right) }),
      );
      break;
    case 'record':
      copy = util.clone(
        typed,
        util.mergeDefs(def, { keyType: strictifyAny(def.keyType), valueType: strictifyAny(def.valueType) }),
      );
      break;
    case 'tuple':
      copy = util.clone(
        typed,
        util.mergeDefs(def, {
          items: def.items.map(strictifyAny),
          rest: def.rest ? strictifyAny(def.rest) : def.rest,
        }),
      );
      break;
    case 'pipe':
      copy = util.clone(typed, util.mergeDefs(def, { in: strictifyAny(def.in), out: strictifyAny(def.out) }));
      break;
    case 'optional':
    case 'nullable':
    case 'nonoptional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'success':
      copy = util.clone(typed, util.mergeDefs(def, { innerType: strictifyAny(def.innerType) }));
      break;
    case 'lazy': {
      const getter = def.getter;
      // Converting lazily is what makes recursive schemas terminate.
      copy = z.lazy(() => strictifyAny(getter()));
      break;
    }
    default:
      // Leaves (string, number, literal, enum…) have nothing to tighten.
      copy = schema;
  }

  strictCopies.set(schema, copy);
  return copy;
}
