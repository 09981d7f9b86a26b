// memberships: types, joins and policies (in progress)
export {};
