import {
  Alarm,
  ComparisonOperator,
  type IAlarmAction,
  type IMetric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';

/**
 * An alarm that fires on any non-zero value of a metric in one period, and says so when it clears
 * (the action gets both ALARM and OK). Most of the stack's alarms are this one.
 */
export function alarmWhen(
  scope: Construct,
  id: string,
  action: IAlarmAction,
  settings: { description: string; metric: IMetric },
): Alarm {
  const alarm = new Alarm(scope, id, {
    alarmDescription: settings.description,
    metric: settings.metric,
    threshold: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
}
