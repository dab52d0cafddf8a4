import { graphql } from '../../../gql';

/** A parameter of a template version: the node input it sets, its type, default and limits. */
export const TemplateSlotFragment = graphql(`
  fragment TemplateSlotFields on TemplateSlot {
    key
    nodeId
    widget
    label
    type
    default
    min
    max
    options
    pattern
    maxLength
  }
`);
