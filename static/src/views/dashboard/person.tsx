/** Kept so existing imports work: the person component lives in static/src/components/person.tsx. */
export { Person, PeopleProvider, personName, usePeople } from '../../components/person';
