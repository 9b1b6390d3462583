# except: the S3 notifications handler's Code.ZipFile (lambdac ships its own handler code; every other property, the custom resource and its permissions are compared)
.Resources.BucketNotificationsHandler050a0587b7544547bf325f094a3db8347ECC3691.Properties.Code.ZipFile |= "<custom-resource handler code>"
