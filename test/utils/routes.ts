// The HTTP routes the real app registered, read from Nest's metadata the way the router and the
// AuthGuard read it: shared by the route audit and the bad-input corpus so that a new route is
// covered by both without anyone listing it.
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_KEY, type RouteAccess } from '../../apps/api/src/auth/roles.decorator';
import type { TestApp } from './app';

/** Nest's RouteParamtypes (not exported from @nestjs/common): @Body() and @UploadedFile(). */
const BODY = 3;
const QUERY = 4;
const FILE = 8;

export interface Route {
  name: string;
  method: string;
  path: string;
  access: RouteAccess | undefined;
  /** The class of the @Body() parameter, when the handler takes one. */
  bodyType?: new () => object;
  /** The class of the @Query() parameter, when the handler takes one. */
  queryType?: new () => object;
  /** The handler takes an @UploadedFile() (a multipart route). */
  upload: boolean;
}

function joinPath(...parts: (string | string[] | undefined)[]): string {
  const segments = parts.flatMap((p) => (Array.isArray(p) ? p[0] : p) ?? '').flatMap((p) => p.split('/')).filter(Boolean);
  return `/api/${segments.join('/')}`;
}

export function registeredRoutes(t: TestApp): Route[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, (...args: unknown[]) => unknown>;
      for (const methodName of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[methodName];
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue; // a helper method, not a route
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        // Keys of the parameter decorators are `${paramtype}:${index}`.
        const args = Object.keys((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {}) as object).map((k) => k.split(':').map(Number));
        const paramTypes = (Reflect.getMetadata('design:paramtypes', prototype, methodName) ?? []) as (new () => object)[];
        const body = args.find(([type]) => type === BODY);
        const query = args.find(([type]) => type === QUERY);
        routes.push({
          name: `${controller.name}.${methodName}`,
          method,
          path: joinPath(Reflect.getMetadata(PATH_METADATA, controller), path),
          // Exactly how AuthGuard reads it: the handler's declaration, else the controller's.
          access: reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_KEY, [handler, controller]),
          bodyType: body ? paramTypes[body[1]] : undefined,
          queryType: query ? paramTypes[query[1]] : undefined,
          upload: args.some(([type]) => type === FILE),
        });
      }
    }
  }
  return routes;
}

export const routeLabel = (r: Route) => `${r.method} ${r.path} (${r.name})`;
