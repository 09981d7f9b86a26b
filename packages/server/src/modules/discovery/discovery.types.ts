// discovery (in progress)
export {};
