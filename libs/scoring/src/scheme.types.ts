import type { Channel, JointSplit, Level, Medium, Points, Prominence, RepeatAdoption, TieRule } from './types';

/** A length band: articles with minWords ≤ wordCount ≤ maxWords (open when maxWords is absent). */
export interface LengthBand {
  minWords: number;
  maxWords?: number | null;
  factor: number;
}

/** A scheme version as the office writes it (YAML or JSON); decimals in points. */
export interface SchemeDocument {
  name: string;
  timeZone?: string;
  basePoints: Record<Channel, Record<Level, number>>;
  outletOverrides?: { outlet: string; points: number }[];
  multipliers: {
    prominence: Record<Prominence, number>;
    lengthBands?: LengthBand[];
    medium?: Partial<Record<Medium, number>>;
    genre?: Record<string, number>;
  };
  instructionBonus: Record<Level, number>;
  repeatAdoption?: RepeatAdoption;
  jointSplit?: JointSplit;
  commission: { fulfilled: number; missed: number };
  monthlyReport: { dueDay: number; late: number; missing: number };
  caps?: { overall?: number | null; media?: number | null; bulletin?: number | null };
  floor?: number | null;
  ranking?: { tieRule?: TieRule };
}

/** A field-level problem in a scheme document. */
export interface SchemeError {
  /** Dotted path to the field, e.g. 'basePoints.media.central' or 'multipliers.lengthBands[1]'. */
  path: string;
  /** Stable English code, e.g. 'required', 'unknown_key', 'negative', 'yaml_syntax'. */
  code: string;
  /** Chinese message for the editor. */
  message: string;
  line?: number;
  column?: number;
}

/** Context for checks that need data outside the document. */
export interface SchemeValidationContext {
  /** Known outlet codes; when given, overrides naming another outlet are rejected. */
  outletCodes?: readonly string[];
}

/** A compiled length band; factors are fixed-point (1.5 = 15000). */
export interface CompiledLengthBand {
  minWords: number;
  maxWords: number;
  factor: number;
}

/** A validated scheme with every amount in Points and every factor fixed-point (×10000). */
export interface CompiledScheme {
  name: string;
  timeZone: string;
  basePoints: Record<Channel, Record<Level, Points>>;
  outletOverrides: Map<string, Points>;
  prominence: Record<Prominence, number>;
  lengthBands: CompiledLengthBand[];
  medium: Map<string, number>;
  genre: Map<string, number>;
  instructionBonus: Record<Level, Points>;
  repeatAdoption: RepeatAdoption;
  jointSplit: JointSplit;
  commission: { fulfilled: Points; missed: Points };
  monthlyReport: { dueDay: number; late: Points; missing: Points };
  caps: { overall: Points | null; media: Points | null; bulletin: Points | null };
  floor: Points | null;
  tieRule: TieRule;
  /** The document it was compiled from. */
  source: SchemeDocument;
}
