import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { isUuid, ValidationError } from '@lookbook/kernel';

/** REST path ids, checked at the edge like GraphQL's UUID scalar: `@Param('id', ParseUuidPipe)`. */
@Injectable()
export class ParseUuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !isUuid(value)) {
      throw new ValidationError('INVALID_ID', `${metadata.data ?? 'id'} is not a valid UUID`, {
        field: metadata.data ?? 'id',
      });
    }
    return value.toLowerCase();
  }
}
