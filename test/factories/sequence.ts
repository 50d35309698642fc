let seq = 0;

/** A number unique within the test process, for default codes, names and titles. */
export const nextSeq = () => ++seq;
