import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { GraphQLField, GraphQLInputType } from 'graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { IS_PUBLIC } from '@lookbook/core';

export interface RegisteredRoute {
  /** `GET /api/v1/model-files/:id/download` */
  route: string;
  method: string;
  path: string;
  isPublic: boolean;
}

export interface RegisteredResolver {
  /** `Query.styleModel` */
  name: string;
  isPublic: boolean;
}

/** Every REST route and GraphQL resolver the app registered (from Nest's metadata), with its @Public() marking. */
export function registeredHandlers(app: INestApplication): {
  routes: RegisteredRoute[];
  resolvers: RegisteredResolver[];
} {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RegisteredRoute[] = [];
  const resolvers: RegisteredResolver[] = [];
  for (const wrapper of [...discovery.getProviders(), ...discovery.getControllers()]) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || !wrapper.metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, (...a: unknown[]) => unknown>)[method]!;
      const isPublic =
        reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, wrapper.metatype as (...a: unknown[]) => unknown]) ===
        true;
      const resolverType = Reflect.getMetadata('graphql:resolver_type', handler) as string | undefined;
      const resolverName = (Reflect.getMetadata('graphql:resolver_name', handler) as string | undefined) ?? method;
      if (resolverType === 'Query' || resolverType === 'Mutation')
        resolvers.push({ name: `${resolverType}.${resolverName}`, isPublic });
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]!;
      const prefix = (Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | undefined) ?? '/';
      const full = `/${[prefix, path]
        .map((p) => p.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/')}`;
      routes.push({ route: `${verb} ${full}`, method: verb, path: full, isPublic });
    }
  }
  return {
    routes: routes.sort((a, b) => a.route.localeCompare(b.route)),
    resolvers: resolvers.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** A plausible value for any GraphQL input type (enums by name, ids as UUIDs). */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.name; // variables take enum names
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, sampleValue(field.type)]));
  }
  if (isScalarType(type)) {
    return (
      (
        {
          Int: 1,
          Float: 1,
          SafeInt: 1,
          Boolean: true,
          UUID: '0190a5b0-0000-7000-8000-000000000001',
          DateTime: new Date().toISOString(),
        } as Record<string, unknown>
      )[type.name] ?? 'x'
    );
  }
  return null;
}

/** A valid request for any root field: variables for its arguments, `__typename` for its selection. */
export function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const args = field.args;
  const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `${kind}${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`,
    variables: Object.fromEntries(args.map((a) => [a.name, sampleValue(a.type)])),
  };
}
