import type { INestApplication, PipeTransform, Type } from '@nestjs/common';
import { PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { OperationObject, ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getMetadataStorage, type MetadataStorage, ValidationTypes } from 'class-validator';
import { ParseQuarterPipe } from '../publication/quarter-param';
import { MAX_ID, ParseIdPipe } from './parse-id.pipe';
import { ParseMonthPipe } from './parse-month.pipe';

// The query and path parameters of /api/docs-json, read from what the routes already validate.
// The query DTOs are class-validator classes without @ApiProperty, and the Nest swagger CLI
// plugin that would add it does not run (tests build with swc), so swagger sees no query
// parameters at all. Rather than repeat each DTO field as an @ApiQuery (which would drift from
// the validators), each `@Query() query: SomeQuery` is turned into its parameters from the
// class-validator metadata on the class: one field, one parameter, with the type, enum, bounds
// and pattern the ValidationPipe enforces. The global pipe whitelists and forbids unknown
// fields, so the decorated fields are exactly the parameters a route accepts.

/** Nest's RouteParamtypes (the enum is not exported from @nestjs/common): `@Param()` and `@Query()`. */
const PARAM = 5;
const QUERY = 4;

// Patterns the business calendar checks (libs/scoring/src/quarter.ts isQuarter / isBusinessMonth),
// written as OpenAPI (ECMA-262) patterns.
const QUARTER_PATTERN = '^\\d{4}-Q[1-4]$';
const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';

/** What one validator says about the field's schema; `constraints` are the decorator's arguments. */
type SchemaEffect = (schema: SchemaObject, constraints: unknown[]) => void;

/** Writes the field's type unless a more precise validator (IsInt over IsNumber) already did. */
const typed = (type: 'string' | 'number' | 'boolean'): SchemaEffect => (schema) => {
  schema.type ??= type;
};

const enumOf = (values: readonly unknown[]): SchemaEffect => (schema) => {
  schema.enum = [...values];
  schema.type ??= values.every((v) => typeof v === 'number') ? 'number' : 'string';
};

/**
 * Every validator a query DTO may use, by its class-validator name, and what it adds to the
 * parameter's schema (`null`: nothing a schema can say, e.g. the business range that moves with
 * the clock and a setting). The repository's own validators (common/business-date.ts,
 * parse-id.pipe.ts IsId) are mapped here too. A name missing from this table stops the
 * document from being built, naming the DTO field, so a new validator is mapped, not dropped.
 */
const VALIDATORS: Readonly<Record<string, SchemaEffect | null>> = {
  isString: typed('string'),
  isNotEmpty: (schema) => {
    schema.minLength = Math.max(schema.minLength ?? 0, 1);
  },
  isInt: (schema) => {
    schema.type = 'integer';
  },
  isNumber: typed('number'),
  isNumberString: typed('number'),
  isBoolean: (schema) => {
    schema.type = 'boolean';
  },
  isIn: (schema, [values]) => enumOf(values as unknown[])(schema, []),
  // IsEnum keeps the enum object and its member values (numeric enums without their reverse keys).
  isEnum: (schema, [, values]) => enumOf(values as unknown[])(schema, []),
  min: (schema, [min]) => {
    schema.minimum = min as number;
  },
  max: (schema, [max]) => {
    schema.maximum = max as number;
  },
  minLength: (schema, [min]) => {
    schema.minLength = min as number;
  },
  maxLength: (schema, [max]) => {
    schema.maxLength = max as number;
  },
  isLength: (schema, [min, max]) => {
    if (typeof min === 'number') schema.minLength = min;
    if (typeof max === 'number') schema.maxLength = max;
  },
  // A RegExp's flags cannot be written in an OpenAPI pattern; none of the query patterns uses one.
  matches: (schema, [pattern]) => {
    schema.pattern = pattern instanceof RegExp ? pattern.source : String(pattern);
  },
  isIso8601: (schema) => {
    schema.type = 'string';
    schema.format = 'date-time';
  },
  isDateString: (schema) => {
    schema.type = 'string';
    schema.format = 'date-time';
  },
  isArray: (schema) => {
    schema.type = 'array';
  },
  arrayMinSize: (schema, [min]) => {
    schema.minItems = min as number;
  },
  arrayMaxSize: (schema, [max]) => {
    schema.maxItems = max as number;
  },
  // This repository's validators.
  isId: (schema) => Object.assign(schema, { type: 'integer', minimum: 1, maximum: MAX_ID }),
  isBusinessDate: (schema) => Object.assign(schema, { type: 'string', format: 'date' }),
  isBusinessMonth: (schema) => Object.assign(schema, { type: 'string', pattern: MONTH_PATTERN }),
  isQuarter: (schema) => Object.assign(schema, { type: 'string', pattern: QUARTER_PATTERN }),
  businessDateInRange: null,
  businessMonthInRange: null,
  quarterInRange: null,
};

/** The schema of a route parameter checked by one of these pipes (`@Param('id', ParseIdPipe)`). */
const PIPES = new Map<Type<PipeTransform>, SchemaObject>([
  [ParseIdPipe, { type: 'integer', minimum: 1, maximum: MAX_ID }],
  [ParseMonthPipe, { type: 'string', pattern: MONTH_PATTERN }],
  // The pipe upper-cases first, so 2026-q1 is accepted too.
  [ParseQuarterPipe, { type: 'string', pattern: '^\\d{4}-[Qq][1-4]$' }],
]);

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

interface Field {
  schema: SchemaObject;
  items?: SchemaObject;
  optional: boolean;
}

/** The fields of a query DTO, in declaration order (own fields, then inherited ones), as class-validator sees them. */
function fieldsOf(dto: Type<unknown>): Map<string, ValidationMetadata[]> {
  const fields = new Map<string, ValidationMetadata[]>();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const list = fields.get(metadata.propertyName) ?? [];
    list.push(metadata);
    fields.set(metadata.propertyName, list);
  }
  return fields;
}

/** The value a field starts with when the query leaves it out (`page: number = 1`). */
function defaults(dto: Type<unknown>): Record<string, unknown> {
  try {
    return new dto() as Record<string, unknown>;
  } catch {
    return {}; // a DTO whose constructor wants arguments documents no defaults
  }
}

function describeField(dto: Type<unknown>, property: string, metadatas: ValidationMetadata[]): Field {
  const field: Field = { schema: {}, optional: false };
  for (const metadata of metadatas) {
    // @IsOptional() and @ValidateIf() (IsOptionalNonNull): the field may be left out.
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      field.optional = true;
      continue;
    }
    if (metadata.type === ValidationTypes.WHITELIST || metadata.type === ValidationTypes.IS_DEFINED) continue;
    const name = metadata.name ?? metadata.constraintCls?.name;
    const effect = name === undefined ? undefined : VALIDATORS[name];
    if (effect === undefined) {
      throw new Error(`${dto.name}.${property}: validator ${name ?? metadata.type} has no OpenAPI mapping; add it to VALIDATORS in common/openapi-query.ts`);
    }
    if (effect === null) continue;
    // `{ each: true }` checks every element of an array field.
    effect(metadata.each ? (field.items ??= {}) : field.schema, metadata.constraints ?? []);
  }
  if (field.items) {
    field.schema.type = 'array';
    field.items.type ??= 'string';
    field.schema.items = field.items;
  }
  // Bounds without a type validator (`@Type(() => Number) @Min(1)`) are on a number; otherwise
  // the value stays the text the query string carries.
  field.schema.type ??= field.schema.minimum !== undefined || field.schema.maximum !== undefined ? 'number' : 'string';
  return field;
}

/**
 * The query parameters of a `@Query() query: Dto` route: one per validated field of the DTO,
 * required unless it is @IsOptional(), with the default the field is initialised to.
 */
export function queryParameters(dto: Type<unknown>): ParameterObject[] {
  const initial = defaults(dto);
  return [...fieldsOf(dto)].map(([name, metadatas]) => {
    const { schema, optional } = describeField(dto, name, metadatas);
    if (initial[name] !== undefined) schema.default = initial[name];
    return { name, in: 'query', required: !optional, schema };
  });
}

interface RouteParameters {
  /** From the route's @Query() DTO, or its named @Query('x') values. */
  query: ParameterObject[];
  /** Path parameter name → schema, for those read through a known pipe. */
  path: Map<string, SchemaObject>;
}

/** The operationId swagger gives a handler; buildOpenApiDocument passes this factory, so the two agree. */
export const operationId = (controllerKey: string, methodKey: string) => `${controllerKey}_${methodKey}`;

type RouteArg = { index: number; data?: unknown; pipes?: (Type<PipeTransform> | PipeTransform)[] };

/** The parameters of every route handler the app registered, by operationId. */
function routeParameters(app: INestApplication): Map<string, RouteParameters> {
  const scanner = new MetadataScanner();
  const routes = new Map<string, RouteParameters>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<object> | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const methodName of scanner.getAllMethodNames(prototype)) {
        if (Reflect.getMetadata(PATH_METADATA, prototype[methodName] as object) === undefined) continue; // not a route
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {}) as Record<string, RouteArg>;
        const paramTypes = (Reflect.getMetadata('design:paramtypes', prototype, methodName) ?? []) as unknown[];
        const route: RouteParameters = { query: [], path: new Map() };
        // Keys of the parameter decorators are `${paramtype}:${index}`.
        for (const [key, arg] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          if (kind === QUERY && arg.data === undefined) {
            route.query.push(...queryParameters(paramTypes[arg.index] as Type<unknown>));
          } else if (kind === QUERY && typeof arg.data === 'string') {
            // A single named value read without a DTO (`@Query('download')`): optional text.
            route.query.push({ name: arg.data, in: 'query', required: false, schema: { type: 'string' } });
          } else if (kind === PARAM && typeof arg.data === 'string') {
            const pipe = (arg.pipes ?? []).map((p) => (typeof p === 'function' ? p : (p.constructor as Type<PipeTransform>))).find((p) => PIPES.has(p));
            if (pipe) route.path.set(arg.data, PIPES.get(pipe)!);
          }
        }
        routes.set(operationId(controller.name, methodName), route);
      }
    }
  }
  return routes;
}

const isReference = (p: ParameterObject | ReferenceObject): p is ReferenceObject => '$ref' in p;

/**
 * Writes each operation's query parameters (from its @Query() DTO) and the schemas of its path
 * parameters (from their pipes) into the document swagger built. A parameter swagger already
 * lists (a hand-written @ApiQuery) keeps its description but takes the derived schema, since
 * the validators are what the route enforces.
 */
export function documentParameters(app: INestApplication, operations: OperationObject[]): void {
  const routes = routeParameters(app);
  for (const operation of operations) {
    const route = operation.operationId ? routes.get(operation.operationId) : undefined;
    if (!route) continue;
    const existing = (operation.parameters ?? []).filter((p): p is ParameterObject => !isReference(p));
    const path = existing.filter((p) => p.in === 'path').map((p) => (route.path.has(p.name) ? { ...p, schema: { ...route.path.get(p.name) } } : p));
    const query = route.query.map((p) => {
      const written = existing.find((e) => e.in === 'query' && e.name === p.name);
      return written?.description ? { ...p, description: written.description } : p;
    });
    const others = (operation.parameters ?? []).filter((p) => isReference(p) || (p.in !== 'path' && !(p.in === 'query' && route.query.some((q) => q.name === p.name))));
    operation.parameters = [...path, ...query, ...others];
  }
}
