# except: the log-retention provider's Code (lambdac ships its handler inline, CDK as an asset; every other property, the Custom::LogRetention, role and policy are compared)
.Resources.LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8aFD4BFC8A.Properties.Code |= "<custom-resource handler code>"
