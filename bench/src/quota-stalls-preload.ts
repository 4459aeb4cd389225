// Loaded with `node --require` into every process of a quota bench run: see quota-stalls.ts.
import { recordStalls } from './quota-stalls';

recordStalls();
