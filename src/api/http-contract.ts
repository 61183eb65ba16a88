/**
 * What `createHttpHost` needs only once an answer arrives: the route table with its zod schemas and
 * zod's parser. Loaded on demand (requested when a host is created, awaited by the first call), so a
 * page that creates a host downloads no zod up front: zod and the schemas are about half of the host.
 */
export { safeParse } from 'zod/mini';
export { routes } from './rest.js';
export { ErrorBodySchema } from './schemas.js';
