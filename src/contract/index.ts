/**
 * The resolver contract, shared by the backend and the Custom UI (which imports it from here, never
 * a copy): the envelope, and per surface the keys, payload schemas and result types.
 */
export * from './envelope';
export * from './settings';
export * from './panel';
export * from './dashboard';
export * from './retrospective';
export * from './retrospective-text';
export * from './planning';
export * from './gadget';
export * from './domain';
export * from './people';
export * from './settings-export';
export * from './follow-ups';
