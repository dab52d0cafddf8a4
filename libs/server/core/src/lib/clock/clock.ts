import { Injectable } from '@nestjs/common';

/** Time is I/O: inject the clock so tests can move it (libs/server/testing has FakeClock). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
