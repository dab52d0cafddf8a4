/** Who makes the demo catalog: a handful of creators with their own looks. Ada is the admin. */
export interface DemoPerson {
  handle: string;
  email: string;
  password: string;
  displayName: string;
}

const person = (handle: string, displayName: string, password: string): DemoPerson => ({
  handle,
  email: `${handle}@demo.lookbook.local`,
  password,
  displayName,
});

export const DEMO = person('ada', 'Ada Okafor', 'violet-harbor-lantern-42');
/** A second account to buy licences with (creators cannot buy their own). */
export const DEMO_BUYER = person('grace', 'Grace Hopper-Lee', 'amber-meadow-compass-17');
export const CREATORS: DemoPerson[] = [
  DEMO,
  person('kenji', 'Kenji Watanabe', 'copper-lantern-river-58'),
  person('maya', 'Maya Lindqvist', 'quiet-fjord-pencil-31'),
  person('olu', 'Olu Adebayo', 'mango-satellite-drum-77'),
  person('iris', 'Iris Moreau', 'linen-orchid-compass-64'),
];
