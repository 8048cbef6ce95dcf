import type { SeedService } from "../types";
import { personServices } from "./services-person";
import { legalPersonServices } from "./services-legal";

/** Every demo service: the demo service RS-JYDJ-001 comes first. */
export const services: SeedService[] = [...personServices, ...legalPersonServices];
