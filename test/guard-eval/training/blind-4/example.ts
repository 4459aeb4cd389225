import type { Origin } from '@gatehouse/detectors';

/** One labelled example: the detectors that should fire (empty: benign). */
export interface Example { id: string; text: string; origin: Origin; expect: string[] }
