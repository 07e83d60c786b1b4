/** What other areas may use from the States area. (Being built: see register.ts.) */
export { registerStatesRoutes, statesNavigation } from './register.ts';
export { seedStates } from './seed.ts';
