/**
 * The one resolver function behind all three Custom UI surfaces. Each use case gets its own key,
 * namespaced by surface (`panel.get`, `settings.save`…); the keys, payload schemas and result types
 * live in `src/contract/` so the UI imports them instead of copying them.
 *
 * Not built yet: the use cases arrive with the backend issue. Until then the function defines no
 * keys, and the platform answers any call with "Resolver has no definition for …".
 */
import Resolver from '@forge/resolver';

const resolver = new Resolver();

export const handler = resolver.getDefinitions();
