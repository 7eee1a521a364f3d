"""The Risk step: questions, the live result, versions and the decision."""
